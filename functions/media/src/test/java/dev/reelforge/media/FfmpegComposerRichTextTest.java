package dev.reelforge.media;

import static dev.reelforge.media.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.RichTextLook;
import dev.reelforge.core.plan.Box;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.Timing;
import dev.reelforge.core.plan.VisualLayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rich text through ffmpeg: its frames placed in its box, the animated ones only while the animation runs. */
class FfmpegComposerRichTextTest {

    private static final Color RED = new Color(255, 0, 0, 255);

    @TempDir
    Path directory;

    private FfmpegComposer composer;
    private int compositions;

    @BeforeEach
    void setUp() {
        composer = new FfmpegComposer(TestFfmpeg.EXECUTABLE, new LiberationFonts(Path.of("target", "test-fonts")),
                Duration.ofSeconds(60));
    }

    private static VisualLayer.RichText layer(Timing timing, Optional<RichTextLook.TextAnimation> animation) {
        RichTextLook look = new RichTextLook("Rich", FontFace.SANS_BOLD, 40, Color.WHITE, 0, 0, 1.2,
                RichTextLook.Decoration.NONE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new RichTextLook.Background(RED, 0, false, 0)), Optional.empty(), RichTextLook.Padding.NONE,
                Asset.HorizontalAlign.CENTER, Asset.VerticalAlign.CENTER, animation);
        // a 160x90 canvas in the top left quarter of the 320x180 frame
        return new VisualLayer.RichText(timing, Plans.PLAIN, look, 160, 90, 0, new Box(160, 90,
                new Box.Crop(0, 0, 160, 90), 0, 0));
    }

    private Playback.Frame frameAt(RenderPlan plan, double seconds) {
        Path out = directory.resolve("out-" + compositions++);
        return Playback.frameAt(composer.compose(plan, Map.of(), out).file(), seconds);
    }

    private static int textPixels(Playback.Frame frame) {
        int count = 0;
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 160; x++) {
                count += frame.luma(x, y) > 200 ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void aStillRichTextFillsItsBoxAndLeavesTheRestOfTheFrame() {
        Playback.Frame frame = frameAt(plan().layer(layer(new Timing(0, 2), Optional.empty())).build(), 1);

        assertThat(frame.is(4, 4, 255, 0, 0, 30)).as("background at %s", frame.describe(4, 4)).isTrue();
        assertThat(frame.is(200, 120, 0, 0, 0, 20)).as("outside the box %s", frame.describe(200, 120)).isTrue();
        assertThat(textPixels(frame)).as("white text in the box").isGreaterThan(200);
    }

    @Test
    void aTypewriterIsUnderWayHalfwayAndHeldWhenDone() {
        RenderPlan plan = plan().duration(3).layer(layer(new Timing(0, 3), Optional.of(new RichTextLook.TextAnimation(
                RichTextLook.Preset.TYPEWRITER, 1, false, RichTextLook.Direction.LEFT)))).build();
        Path out = directory.resolve("typed");
        Path video = composer.compose(plan, Map.of(), out).file();

        int early = textPixels(Playback.frameAt(video, 0.02));
        int halfway = textPixels(Playback.frameAt(video, 0.5));
        int done = textPixels(Playback.frameAt(video, 1.5));
        int last = textPixels(Playback.frameAt(video, 2.9));
        assertThat(early).as("nothing typed yet").isLessThan(10);
        assertThat(halfway).as("partly typed").isBetween(done / 5, done * 4 / 5);
        assertThat(last).as("the finished text is held").isBetween(done - 20, done + 20);
    }

    @Test
    void anImageOutputDrawsTheAnimationAtItsTime() {
        VisualLayer.RichText typed = layer(new Timing(0, 3), Optional.of(new RichTextLook.TextAnimation(
                RichTextLook.Preset.TYPEWRITER, 2, false, RichTextLook.Direction.LEFT)));
        int halfway = textPixels(frameAt(plan().output(OutputFormat.PNG).stillAt(1).layer(typed).build(), 0));
        int done = textPixels(frameAt(plan().output(OutputFormat.PNG).stillAt(2.5).layer(typed).build(), 0));

        assertThat(halfway).isBetween(done / 5, done * 4 / 5);
    }
}
