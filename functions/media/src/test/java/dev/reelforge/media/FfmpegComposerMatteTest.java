package dev.reelforge.media;

import static dev.reelforge.media.Plans.fullFrame;
import static dev.reelforge.media.Plans.plan;
import static dev.reelforge.media.Plans.still;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.ChromaKey;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.Speed;
import dev.reelforge.core.edit.model.Transition;
import dev.reelforge.core.edit.model.TransitionKind;
import dev.reelforge.core.plan.Matte;
import dev.reelforge.core.plan.SourceFile;
import dev.reelforge.core.plan.Timing;
import dev.reelforge.core.plan.VisualLayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Luma mattes and chroma keys on the composer's own output, red layers over a blue background. */
class FfmpegComposerMatteTest {

    private static final Color BLUE = new Color(0, 0, 255, 255);
    /** Black for its first half second, white after. */
    private static final String BLACK_THEN_WHITE = "color=c=black:s=64x36:r=25:d=0.5[b];"
            + "color=c=white:s=64x36:r=25:d=0.5[w];[b][w]concat=n=2:v=1:a=0";

    @TempDir
    Path directory;

    private GeneratedMedia media;
    private FfmpegComposer composer;
    private int compositions;

    @BeforeEach
    void setUp() {
        media = new GeneratedMedia(directory);
        composer = new FfmpegComposer(TestFfmpeg.EXECUTABLE, new LiberationFonts(Path.of("target", "test-fonts")),
                Duration.ofSeconds(60));
    }

    private Path compose(Plans plan) {
        return composer.compose(plan.build(), media.files(), directory.resolve("out-" + compositions++)).file();
    }

    private static VisualLayer.Picture matted(SourceFile source, Timing timing, Matte... mattes) {
        return still(source, timing, fullFrame(), Plans.PLAIN).withMattes(List.of(mattes));
    }

    @Test
    void aVideoMatteHoldsItsLastFrameUntilItsTimeEndsAndTheLayerIsWholeAfterIt() {
        SourceFile red = media.image("red.png", "red", 64, 36);
        SourceFile luma = media.video("black-then-white.mp4", BLACK_THEN_WHITE, 1, false);

        Path video = compose(plan().background(BLUE).duration(2.4)
                .layer(matted(red, new Timing(0, 2.4), new Matte(new Timing(0.4, 1.6), luma, 0, false))));

        assertThat(Playback.frameAt(video, 0.2).is(160, 90, 255, 0, 0, 16)).as("before the matte").isTrue();
        assertThat(Playback.frameAt(video, 0.6).is(160, 90, 255, 0, 0, 16)).as("black: kept").isTrue();
        assertThat(Playback.frameAt(video, 1.2).is(160, 90, 0, 0, 255, 16)).as("white: cleared").isTrue();
        assertThat(Playback.frameAt(video, 1.8).is(160, 90, 0, 0, 255, 16)).as("the file ended: last frame held")
                .isTrue();
        assertThat(Playback.frameAt(video, 2.2).is(160, 90, 255, 0, 0, 16)).as("after the matte").isTrue();
    }

    @Test
    void aStillMatteThenAVideoMatteEachMaskOnlyDuringTheirOwnTime() {
        SourceFile red = media.image("red.png", "red", 64, 36);
        SourceFile white = media.image("white.png", "white", 64, 36);
        SourceFile luma = media.video("black-then-white.mp4", BLACK_THEN_WHITE, 1, false);

        Path video = compose(plan().background(BLUE).duration(3).layer(matted(red, new Timing(0, 3),
                new Matte(new Timing(0.4, 0.6), white, 0, true), new Matte(new Timing(1.6, 1), luma, 0, false))));

        assertThat(Playback.frameAt(video, 0.2).is(160, 90, 255, 0, 0, 16)).as("before both").isTrue();
        assertThat(Playback.frameAt(video, 0.7).is(160, 90, 0, 0, 255, 16)).as("the white still: cleared").isTrue();
        assertThat(Playback.frameAt(video, 1.3).is(160, 90, 255, 0, 0, 16)).as("between them").isTrue();
        assertThat(Playback.frameAt(video, 1.8).is(160, 90, 255, 0, 0, 16)).as("the video's black: kept").isTrue();
        assertThat(Playback.frameAt(video, 2.3).is(160, 90, 0, 0, 255, 16)).as("the video's white: cleared")
                .isTrue();
        assertThat(Playback.frameAt(video, 2.8).is(160, 90, 255, 0, 0, 16)).as("after both").isTrue();
    }

    @Test
    void aMatteKeepsATranslucentLayerAsTranslucentAsItWas() {
        SourceFile red = media.image("red.png", "red", 64, 36);
        SourceFile luma = media.video("black-then-white.mp4", BLACK_THEN_WHITE, 1, false);

        Path video = compose(plan().background(BLUE).duration(1.5).layer(still(red, new Timing(0, 1.5), fullFrame(),
                Plans.opacity(0.5)).withMattes(List.of(new Matte(new Timing(0.2, 1), luma, 0, false)))));

        // half red over blue where the matte keeps all: its black multiplies the layer's alpha by 1, not sets it
        assertThat(Playback.frameAt(video, 0.1).is(160, 90, 128, 0, 127, 16)).as("before the matte").isTrue();
        Playback.Frame black = Playback.frameAt(video, 0.4);
        assertThat(black.is(160, 90, 128, 0, 127, 16)).as("black: " + black.describe(160, 90)).isTrue();
        assertThat(Playback.frameAt(video, 0.9).is(160, 90, 0, 0, 255, 16)).as("white: cleared").isTrue();
        assertThat(Playback.frameAt(video, 1.3).is(160, 90, 128, 0, 127, 16)).as("after the matte").isTrue();
    }

    @Test
    void anImageOutputTakesTheMattesFrameAtItsTime() {
        SourceFile red = media.image("red.png", "red", 64, 36);
        SourceFile luma = media.video("black-then-white.mp4", BLACK_THEN_WHITE, 1, false);

        Path early = compose(plan().background(BLUE).duration(1).output(OutputFormat.PNG).stillAt(0.2)
                .layer(matted(red, new Timing(0, 1), new Matte(new Timing(0, 1), luma, 0, false))));
        Path late = compose(plan().background(BLUE).duration(1).output(OutputFormat.PNG).stillAt(0.2)
                .layer(matted(red, new Timing(0, 1), new Matte(new Timing(0, 1), luma, 0.5, false))));

        assertThat(Playback.frameAt(early, 0).is(160, 90, 255, 0, 0, 16)).as("the matte's black start").isTrue();
        assertThat(Playback.frameAt(late, 0).is(160, 90, 0, 0, 255, 16)).as("trimmed to its white half").isTrue();
    }

    @Test
    void aMatteOverFadingTextClearsItsBoxWhereWhite() {
        SourceFile luma = media.video("black-then-white.mp4", BLACK_THEN_WHITE, 1, false);
        // a fade makes the background a layer of its own when the text is drawn straight onto the frame
        VisualLayer.Text text = new VisualLayer.Text(new Timing(0, 2),
                Plans.transitions(Optional.of(new Transition(TransitionKind.FADE, Speed.FAST)), Optional.empty()), "",
                FontFace.SANS_BOLD, 24, 1.2, Color.WHITE, Optional.of(new Color(255, 0, 0, 255)), Optional.of(200),
                Optional.of(100), Asset.HorizontalAlign.CENTER, Asset.VerticalAlign.CENTER, Position.CENTER,
                Offset.NONE, true).withMattes(List.of(new Matte(new Timing(0.6, 1.4), luma, 0, false)));

        Path video = compose(plan().background(BLUE).duration(2).layer(text));

        Playback.Frame black = Playback.frameAt(video, 0.8);
        Playback.Frame white = Playback.frameAt(video, 1.5);
        assertThat(black.is(160, 90, 255, 0, 0, 16)).as("black: the box kept, " + black.describe(160, 90)).isTrue();
        assertThat(white.is(160, 90, 0, 0, 255, 16)).as("white: the box cleared, " + white.describe(160, 90)).isTrue();
        assertThat(black.is(20, 90, 0, 0, 255, 16)).as("outside the box, " + black.describe(20, 90)).isTrue();
    }

    @Test
    void aChromaKeyFadesBackInOverItsHalo() {
        // pure green, and a green 100 (RGB distance) away from it: inside a halo of 160 beyond a threshold of 40
        SourceFile screen = media.drawing("screen.png",
                "color=c=0x00FF00:s=64x36,drawbox=x=32:y=0:w=32:h=36:color=0x00FF64:t=fill");
        VisualLayer.Picture keyed = new VisualLayer.Picture(new Timing(0, 1), Plans.PLAIN, screen, 0, 1, true,
                fullFrame(), List.of(), Optional.of(new ChromaKey(new Color(0, 255, 0, 255), 40, 160)));

        Path video = compose(plan().background(BLUE).duration(1).layer(keyed));

        Playback.Frame frame = Playback.frameAt(video, 0.5);
        assertThat(frame.is(60, 90, 0, 0, 255, 16)).as("the key colour: " + frame.describe(60, 90)).isTrue();
        // alpha (100 - 40) / 160 = 0.375: green 0.375 * 255 = 96 over blue 0.625 * 255 = 159 (+ 0.375 * 100)
        assertThat(frame.is(260, 90, 0, 96, 197, 20)).as("in the halo: " + frame.describe(260, 90)).isTrue();
    }
}
