package dev.reelforge.media;

import static dev.reelforge.media.Plans.box;
import static dev.reelforge.media.Plans.fullFrame;
import static dev.reelforge.media.Plans.plan;
import static dev.reelforge.media.Plans.still;
import static dev.reelforge.media.Plans.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Speed;
import dev.reelforge.core.edit.model.Transition;
import dev.reelforge.core.edit.model.TransitionKind;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.plan.Look;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.SourceFile;
import dev.reelforge.core.plan.Timing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Videos that fill the frame one after another from the start to the end (the cuts of an edit) are joined end to end
 * instead of drawn on a canvas, and look exactly as they would on one: each in its time, fades from and to the
 * background's colour, the background where a source runs out, and what is above drawn over them.
 */
class FfmpegComposerEdgeToEdgeTest {

    private static final Color GREEN = new Color(0, 255, 0, 255);
    private static final Look FADE_IN = Plans.transitions(
            Optional.of(new Transition(TransitionKind.FADE, Speed.NORMAL)), Optional.empty());

    @TempDir
    Path directory;

    private GeneratedMedia media;
    private FfmpegComposer composer;

    @BeforeEach
    void setUp() {
        media = new GeneratedMedia(directory);
        composer = new FfmpegComposer(TestFfmpeg.EXECUTABLE, new LiberationFonts(Path.of("target", "test-fonts")),
                Duration.ofSeconds(60));
    }

    private Path compose(RenderPlan plan) {
        return composer.compose(plan, media.files(), directory.resolve("out")).file();
    }

    /** Whether the bottom layers are joined end to end rather than all drawn on one canvas. */
    private boolean joined(RenderPlan plan) {
        return composer.videoGraph(plan, media.files(), directory.resolve("graph")).script().contains("concat=");
    }

    private SourceFile colour(String name, String colour, double seconds) {
        return media.video(name, "color=c=" + colour + ":s=320x180:r=25", seconds, false);
    }

    /** The first for the first second, the second for the next, on a green background. */
    private static RenderPlan cut(SourceFile first, double firstTrim, SourceFile second, double secondTrim) {
        return plan().background(GREEN)
                .layer(video(first, new Timing(0, 1), firstTrim, 1, fullFrame(), Plans.PLAIN))
                .layer(video(second, new Timing(1, 1), secondTrim, 1, fullFrame(), Plans.PLAIN)).build();
    }

    @Test
    void twoVideosCutTogetherAreJoinedWithoutACanvasEachShownInItsOwnFrames() {
        RenderPlan plan = cut(colour("red.mp4", "red", 3), 0.5, colour("blue.mp4", "blue", 3), 1);

        Path video = compose(plan);

        assertThat(joined(plan)).isTrue();
        assertThat(Playback.probe(video).duration().orElseThrow()).isCloseTo(2, within(0.001));
        assertThat(Playback.frameAt(video, 0.96).is(160, 90, 255, 0, 0, 16)).as("the frame from 0.96 s").isTrue();
        assertThat(Playback.frameAt(video, 1).is(160, 90, 0, 0, 255, 16)).as("the frame from 1 s").isTrue();
        assertThat(Playback.frameAt(video, 1.96).is(160, 90, 0, 0, 255, 16)).as("the last frame").isTrue();
    }

    @Test
    void aFadeInOfAVideoFillingTheFrameFadesFromTheBackgroundsColour() {
        SourceFile white = colour("white.mp4", "white", 3);
        RenderPlan plan = plan().background(new Color(0, 0, 255, 255))
                .layer(video(white, new Timing(0, 2), 0, 1, fullFrame(), FADE_IN)).build();

        Path video = compose(plan);

        assertThat(joined(plan)).isTrue();
        Playback.Frame first = Playback.frameAt(video, 0);
        assertThat(first.is(160, 90, 0, 0, 255, 20)).as(first.describe(160, 90)).isTrue();
        Playback.Frame halfway = Playback.frameAt(video, 0.5);
        assertThat(halfway.is(160, 90, 128, 128, 255, 24)).as(halfway.describe(160, 90)).isTrue();
        assertThat(Playback.frameAt(video, 1.5).is(160, 90, 255, 255, 255, 16)).isTrue();
    }

    @Test
    void videosOfDifferentPixelShapesAreJoinedIntoSquarePixels() {
        SourceFile anamorphic = media.video("anamorphic.mp4", "color=c=blue:s=320x180:r=25,setsar=4/3", 3, false);
        RenderPlan plan = cut(colour("red.mp4", "red", 3), 0, anamorphic, 0);

        Path video = compose(plan);

        assertThat(joined(plan)).isTrue();
        assertThat(Playback.frameAt(video, 1.5).is(160, 90, 0, 0, 255, 16)).isTrue();
        assertThat(Playback.probe(video).duration().orElseThrow()).isCloseTo(2, within(0.001));
    }

    @Test
    void aSourceThatRunsOutShowsTheBackgroundUntilItsClipEndsAndTheNextClipStartsOnTime() {
        RenderPlan plan = cut(colour("short-red.mp4", "red", 0.5), 0, colour("blue.mp4", "blue", 3), 0);

        Path video = compose(plan);

        assertThat(joined(plan)).isTrue();
        assertThat(Playback.frameAt(video, 0.2).is(160, 90, 255, 0, 0, 16)).isTrue();
        Playback.Frame ranOut = Playback.frameAt(video, 0.8);
        assertThat(ranOut.is(160, 90, 0, 255, 0, 16)).as(ranOut.describe(160, 90)).isTrue();
        assertThat(Playback.frameAt(video, 1).is(160, 90, 0, 0, 255, 16)).as("the frame from 1 s").isTrue();
        assertThat(Playback.probe(video).duration().orElseThrow()).isCloseTo(2, within(0.001));
    }

    @Test
    void aPictureAboveTheJoinedVideosIsDrawnOverThem() {
        SourceFile red = colour("red.mp4", "red", 3);
        SourceFile white = media.image("white.png", "white", 64, 48);
        RenderPlan plan = plan()
                .layer(video(red, new Timing(0, 2), 0, 1, fullFrame(), Plans.PLAIN))
                .layer(still(white, new Timing(0.5, 1), box(160, 90, 0, 0), Plans.PLAIN)).build();

        Path video = compose(plan);

        assertThat(joined(plan)).isTrue();
        Playback.Frame frame = Playback.frameAt(video, 1);
        assertThat(frame.is(80, 45, 255, 255, 255, 16)).as(frame.describe(80, 45)).isTrue();
        assertThat(frame.is(240, 135, 255, 0, 0, 16)).as(frame.describe(240, 135)).isTrue();
        assertThat(Playback.frameAt(video, 0.2).is(80, 45, 255, 0, 0, 16)).isTrue();
    }

    @Test
    void aGapBetweenJoinedVideosAndTheTimeAfterTheLastShowTheBackground() {
        SourceFile red = colour("red.mp4", "red", 3);
        SourceFile blue = colour("blue.mp4", "blue", 3);
        RenderPlan plan = plan().background(GREEN).duration(2)
                .layer(video(red, new Timing(0, 0.8), 0, 1, fullFrame(), Plans.PLAIN))
                .layer(video(blue, new Timing(1, 0.6), 0, 1, fullFrame(), Plans.PLAIN)).build();

        Path video = compose(plan);

        assertThat(joined(plan)).isTrue();
        assertThat(Playback.frameAt(video, 0.76).is(160, 90, 255, 0, 0, 16)).isTrue();
        Playback.Frame inTheGap = Playback.frameAt(video, 0.8);
        assertThat(inTheGap.is(160, 90, 0, 255, 0, 16)).as(inTheGap.describe(160, 90)).isTrue();
        assertThat(Playback.frameAt(video, 1).is(160, 90, 0, 0, 255, 16)).as("the frame from 1 s").isTrue();
        Playback.Frame after = Playback.frameAt(video, 1.6);
        assertThat(after.is(160, 90, 0, 255, 0, 16)).as(after.describe(160, 90)).isTrue();
        assertThat(Playback.probe(video).duration().orElseThrow()).isCloseTo(2, within(0.001));
    }

    @Test
    void aTranslucentVideoOverlappingAJoinedOneIsDrawnOverItAndOverTheBackgroundAfterIt() {
        SourceFile red = colour("red.mp4", "red", 3);
        SourceFile blue = colour("blue.mp4", "blue", 3);
        RenderPlan plan = plan()
                .layer(video(red, new Timing(0, 1.2), 0, 1, fullFrame(), Plans.PLAIN))
                .layer(video(blue, new Timing(1, 1), 0, 1, fullFrame(), Plans.opacity(0.5))).build();

        Path video = compose(plan);

        assertThat(joined(plan)).isTrue();
        Playback.Frame overRed = Playback.frameAt(video, 1.1);
        assertThat(overRed.is(160, 90, 128, 0, 128, 24)).as(overRed.describe(160, 90)).isTrue();
        Playback.Frame overBlack = Playback.frameAt(video, 1.5);
        assertThat(overBlack.is(160, 90, 0, 0, 128, 24)).as(overBlack.describe(160, 90)).isTrue();
    }

    @Test
    void videosThatMayBeTransparentOrAreTranslucentAreDrawnOnTheCanvas() throws Exception {
        SourceFile prores = media.notMedia("alpha.mov", new MediaInfo(OptionalDouble.of(3),
                Optional.of(new MediaInfo.VideoStream(320, 180, 25, "prores")), Optional.empty(), 1));
        RenderPlan mayBeTransparent = plan()
                .layer(video(prores, new Timing(0, 2), 0, 1, fullFrame(), Plans.PLAIN)).build();
        RenderPlan translucent = plan()
                .layer(video(colour("red.mp4", "red", 3), new Timing(0, 2), 0, 1, fullFrame(), Plans.opacity(0.5)))
                .build();

        assertThat(joined(mayBeTransparent)).as("ProRes, which may carry alpha").isFalse();
        assertThat(joined(translucent)).as("opacity 0.5").isFalse();
    }
}
