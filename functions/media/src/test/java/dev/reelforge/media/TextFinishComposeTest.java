package dev.reelforge.media;

import static dev.reelforge.media.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.TextFinish;
import dev.reelforge.core.plan.Timing;
import dev.reelforge.core.plan.VisualLayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A text background's {@code borderRadius}, composed by ffmpeg. */
class TextFinishComposeTest {

    @TempDir
    Path directory;

    @Test
    void aBorderRadiusRoundsTheBackgroundsCornersAndKeepsItsEdges() {
        GeneratedMedia media = new GeneratedMedia(directory);
        FfmpegComposer composer = new FfmpegComposer(TestFfmpeg.EXECUTABLE,
                new LiberationFonts(Path.of("target", "test-fonts")), Duration.ofSeconds(60));
        // an empty text in a 200x100 red box with 40 px corners, centred in the frame
        VisualLayer.Text text = new VisualLayer.Text(new Timing(0, 1), Plans.PLAIN, "", FontFace.SANS_BOLD, 24, 1.2,
                Color.WHITE, Optional.of(new Color(255, 0, 0, 255)), Optional.of(200), Optional.of(100),
                Asset.HorizontalAlign.CENTER, Asset.VerticalAlign.CENTER, Position.CENTER, Offset.NONE, true,
                new TextFinish(0, Optional.empty(), 0, Optional.empty(), 40));
        Playback.Frame frame = Playback.frameAt(composer.compose(plan().layer(text).build(), media.files(),
                directory.resolve("out")).file(), 0.5);

        int left = (frame.width() - 200) / 2;
        int top = (frame.height() - 100) / 2;
        assertThat(frame.is(left + 3, top + 3, 0, 0, 0, 30)).as("the rounded-off corner").isTrue();
        assertThat(frame.is(left + 100, top + 3, 255, 0, 0, 40)).as("the top edge's middle").isTrue();
        assertThat(frame.is(left + 3, top + 50, 255, 0, 0, 40)).as("the left edge's middle").isTrue();
        assertThat(frame.is(left + 15, top + 15, 255, 0, 0, 40)).as("inside the corner's curve").isTrue();
    }
}
