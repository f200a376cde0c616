package dev.reelforge.media;

import static dev.reelforge.media.Plans.box;
import static dev.reelforge.media.Plans.fullFrame;
import static dev.reelforge.media.Plans.plan;
import static dev.reelforge.media.Plans.still;
import static dev.reelforge.media.Plans.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.Animation;
import dev.reelforge.core.edit.model.ColorFilter;
import dev.reelforge.core.edit.model.Easing;
import dev.reelforge.core.edit.model.Interpolation;
import dev.reelforge.core.edit.model.Keyframes;
import dev.reelforge.core.edit.model.MotionEffect;
import dev.reelforge.core.edit.model.MotionKind;
import dev.reelforge.core.edit.model.Speed;
import dev.reelforge.core.edit.model.Transition;
import dev.reelforge.core.edit.model.TransitionKind;
import dev.reelforge.core.edit.model.Transform;
import dev.reelforge.core.edit.model.Tween;
import dev.reelforge.core.plan.Box;
import dev.reelforge.core.plan.Look;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.SourceFile;
import dev.reelforge.core.plan.Timing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FfmpegComposerPictureTest {

    private static final Timing WHOLE = new Timing(0, 2);
    /** A white 40x40 square in the middle of a black 320x180 picture. */
    private static final String SQUARE = "color=c=black:s=320x180:r=25,drawbox=x=140:y=70:w=40:h=40:color=white:t=fill";

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

    private int compositions;

    /** Composes into a directory of its own, as each render has. */
    private Path compose(RenderPlan plan) {
        return composer.compose(plan, media.files(), directory.resolve("out-" + compositions++)).file();
    }

    @Test
    void drawsTheLaterLayerOverTheEarlierOne() {
        SourceFile blue = media.image("blue.png", "blue", 64, 48);
        SourceFile red = media.image("red.png", "red", 64, 48);

        Path video = compose(plan().layer(still(blue, WHOLE, fullFrame(), Plans.PLAIN))
                .layer(still(red, WHOLE, box(160, 180, 0, 0), Plans.PLAIN)).build());

        Playback.Frame frame = Playback.frameAt(video, 1);
        assertThat(frame.is(80, 90, 255, 0, 0, 12)).as(frame.describe(80, 90)).isTrue();
        assertThat(frame.is(240, 90, 0, 0, 255, 12)).as(frame.describe(240, 90)).isTrue();
    }

    @Test
    void showsALayerOnlyDuringItsTiming() {
        SourceFile red = media.image("red.png", "red", 64, 48);

        Path video = compose(plan().layer(still(red, new Timing(0.6, 0.8), fullFrame(), Plans.PLAIN)).build());

        assertThat(Playback.frameAt(video, 0.58).is(160, 90, 0, 0, 0, 12)).isTrue();
        assertThat(Playback.frameAt(video, 0.6).is(160, 90, 255, 0, 0, 12)).isTrue();
        assertThat(Playback.frameAt(video, 1.38).is(160, 90, 255, 0, 0, 12)).isTrue();
        assertThat(Playback.frameAt(video, 1.4).is(160, 90, 0, 0, 0, 12)).isTrue();
    }

    @Test
    void aLayerStartingAtAFrameWhoseTickFloatingPointMissesStartsOnThatFrame() {
        // 1.16 s / (1/25 s) is 28.999... in floating point, which setpts once truncated to the frame from 1.12 s
        SourceFile red = media.image("red.png", "red", 64, 48);

        Path video = compose(plan().layer(still(red, new Timing(1.16, 0.6), fullFrame(), Plans.PLAIN)).build());

        assertThat(Playback.frameAt(video, 1.14).is(160, 90, 0, 0, 0, 12)).as("the frame from 1.12 s").isTrue();
        assertThat(Playback.frameAt(video, 1.16).is(160, 90, 255, 0, 0, 12)).as("the frame from 1.16 s").isTrue();
    }

    @Test
    void drawsAHalfSizePictureAtTheTopLeftInTheTopLeftQuarter() {
        SourceFile red = media.image("red.png", "red", 64, 48);

        Path video = compose(plan().background(new dev.reelforge.core.edit.model.Color(0, 0, 255, 255))
                .layer(still(red, WHOLE, box(160, 90, 0, 0), Plans.PLAIN)).build());

        Playback.Frame frame = Playback.frameAt(video, 1);
        for (int[] inside : new int[][] {{2, 2}, {80, 45}, {156, 86}}) {
            assertThat(frame.is(inside[0], inside[1], 255, 0, 0, 12)).as(frame.describe(inside[0], inside[1])).isTrue();
        }
        for (int[] outside : new int[][] {{164, 45}, {80, 94}, {240, 135}}) {
            assertThat(frame.is(outside[0], outside[1], 0, 0, 255, 12)).as(frame.describe(outside[0], outside[1]))
                    .isTrue();
        }
    }

    @Test
    void drawsThePartOfAPictureThatIsInsideTheFrame() {
        SourceFile red = media.image("red.png", "red", 64, 48);

        Path video = compose(plan().layer(still(red, WHOLE, box(160, 90, -80, -45), Plans.PLAIN)).build());

        Playback.Frame frame = Playback.frameAt(video, 1);
        assertThat(frame.is(2, 2, 255, 0, 0, 12)).as(frame.describe(2, 2)).isTrue();
        assertThat(frame.is(76, 41, 255, 0, 0, 12)).as(frame.describe(76, 41)).isTrue();
        assertThat(frame.is(84, 20, 0, 0, 0, 12)).as(frame.describe(84, 20)).isTrue();
        assertThat(frame.is(20, 49, 0, 0, 0, 12)).as(frame.describe(20, 49)).isTrue();
    }

    @Test
    void aContainedSquareLeavesBarsOfBackgroundBesideIt() {
        SourceFile red = media.image("square.png", "red", 90, 90);

        // What RenderPlanner makes of fit contain: 180x180, centred.
        Path video = compose(plan().layer(still(red, WHOLE, box(180, 180, 70, 0), Plans.PLAIN)).build());

        Playback.Frame frame = Playback.frameAt(video, 1);
        assertThat(frame.is(30, 90, 0, 0, 0, 12)).as(frame.describe(30, 90)).isTrue();
        assertThat(frame.is(160, 90, 255, 0, 0, 12)).as(frame.describe(160, 90)).isTrue();
        assertThat(frame.is(290, 90, 0, 0, 0, 12)).as(frame.describe(290, 90)).isTrue();
    }

    @Test
    void playsAVideoFromItsTrimAtItsSpeed() {
        SourceFile redThenGreen = media.video("red-then-green.mp4",
                "color=c=red:s=64x48:r=25:d=1[r];color=c=green:s=64x48:r=25:d=1[g];[r][g]concat=n=2[out0]", 2, false);

        Path trimmed = compose(plan().layer(video(redThenGreen, WHOLE, 0.5, 1, fullFrame(), Plans.PLAIN)).build());
        Path fast = compose(plan().layer(video(redThenGreen, WHOLE, 0.2, 2, fullFrame(), Plans.PLAIN)).build());

        assertThat(Playback.frameAt(trimmed, 0.3).is(160, 90, 255, 0, 0, 12)).isTrue();
        assertThat(Playback.frameAt(trimmed, 0.7).is(160, 90, 0, 128, 0, 12)).isTrue();
        assertThat(Playback.frameAt(fast, 0.3).is(160, 90, 255, 0, 0, 12)).isTrue();
        assertThat(Playback.frameAt(fast, 0.5).is(160, 90, 0, 128, 0, 12)).isTrue();
    }

    @Test
    void halfOpacityBlendsHalfway() {
        SourceFile white = media.image("white.png", "white", 64, 48);

        Path video = compose(plan().layer(still(white, WHOLE, fullFrame(), Plans.opacity(0.5))).build());

        assertThat(Playback.frameAt(video, 1).luma(160, 90)).isCloseTo(128, within(12));
    }

    @Test
    void aFadeInIsHalfBrightHalfwayThrough() {
        SourceFile white = media.image("white.png", "white", 64, 48);
        Look fadeIn = Plans.transitions(Optional.of(new Transition(TransitionKind.FADE, Speed.NORMAL)), Optional.empty());

        Path video = compose(plan().layer(still(white, WHOLE, fullFrame(), fadeIn)).build());

        assertThat(Playback.frameAt(video, 0.1).luma(160, 90)).isLessThan(40);
        assertThat(Playback.frameAt(video, 0.5).luma(160, 90)).isCloseTo(128, within(15));
        assertThat(Playback.frameAt(video, 1.5).luma(160, 90)).isGreaterThan(245);
    }

    @Test
    void aTurnedPictureKeepsItsCentreAndAWipeInStillRevealsAllOfIt() {
        SourceFile red = media.image("red.png", "red", 64, 48);
        Look wipeRight = Plans.transitions(Optional.of(new Transition(TransitionKind.WIPE_RIGHT, Speed.FAST)),
                Optional.empty());
        Box square = new Box(100, 100, new Box.Crop(0, 0, 100, 100), 110, 40,
                new Transform(Transform.Crop.NONE, false, false, 45));

        Path video = compose(plan().layer(still(red, WHOLE, square, wipeRight)).build());

        // A 100x100 square turned 45 degrees about (160, 90) is a diamond 141 pixels across.
        Playback.Frame frame = Playback.frameAt(video, 1);
        assertThat(frame.is(160, 90, 255, 0, 0, 12)).as("the centre " + frame.describe(160, 90)).isTrue();
        assertThat(frame.is(160, 25, 255, 0, 0, 12)).as("the top point, above the square's box "
                + frame.describe(160, 25)).isTrue();
        assertThat(frame.is(225, 90, 255, 0, 0, 12)).as("the right point " + frame.describe(225, 90)).isTrue();
        assertThat(frame.is(114, 44, 0, 0, 0, 12)).as("the box's corner, uncovered " + frame.describe(114, 44))
                .isTrue();
    }

    @Test
    void aWipeHalfwayThroughCoversHalfTheFrame() {
        SourceFile white = media.image("white.png", "white", 64, 48);
        Look wipeRight = Plans.transitions(Optional.of(new Transition(TransitionKind.WIPE_RIGHT, Speed.NORMAL)),
                Optional.empty());

        Path video = compose(plan().layer(still(white, WHOLE, fullFrame(), wipeRight)).build());

        Playback.Frame frame = Playback.frameAt(video, 0.5);
        int covered = 0;
        for (int x = 0; x < frame.width(); x++) {
            if (frame.luma(x, 90) > 40) {
                covered++;
            }
        }
        assertThat(covered).isCloseTo(160, within(20));
        assertThat(frame.luma(20, 90)).isGreaterThan(40);
        assertThat(frame.luma(300, 90)).isLessThan(10);
    }

    @ParameterizedTest
    @EnumSource(TransitionKind.class)
    void aTransitionedLayerStartsHiddenEndsHiddenAndShowsAsIsInBetween(TransitionKind kind) {
        SourceFile red = media.image("red.png", "red", 64, 48);
        Transition transition = new Transition(kind, Speed.FAST);

        Path video = compose(plan().layer(still(red, WHOLE, fullFrame(),
                Plans.transitions(Optional.of(transition), Optional.of(transition)))).build());

        assertThat(Playback.frameAt(video, 0).red(160, 90)).isLessThan(60);
        Playback.Frame middle = Playback.frameAt(video, 1);
        for (int[] point : new int[][] {{4, 4}, {160, 90}, {315, 175}}) {
            assertThat(middle.is(point[0], point[1], 255, 0, 0, 12)).as(middle.describe(point[0], point[1])).isTrue();
        }
        assertThat(Playback.frameAt(video, 1.99).red(160, 90)).isLessThan(60);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aZoomInEffectMagnifiesLaterFrames(boolean still) {
        SourceFile square = still ? media.drawing("square.png", SQUARE) : media.video("square.mp4", SQUARE, 2, false);
        Look zoomIn = Plans.effect(new MotionEffect(MotionKind.ZOOM_IN, Speed.NORMAL));

        Path video = compose(plan().layer(still
                ? still(square, WHOLE, fullFrame(), zoomIn)
                : video(square, WHOLE, 0, 1, fullFrame(), zoomIn)).build());

        int early = whiteWidth(Playback.frameAt(video, 0.02));
        int late = whiteWidth(Playback.frameAt(video, 1.98));
        assertThat(early).isCloseTo(40, within(3));
        assertThat(late).isCloseTo(52, within(3));
    }

    @Test
    void aZoomOutEffectShrinksLaterFrames() {
        SourceFile square = media.drawing("square.png", SQUARE);

        Path video = compose(plan().layer(still(square, WHOLE, fullFrame(),
                Plans.effect(new MotionEffect(MotionKind.ZOOM_OUT, Speed.NORMAL)))).build());

        assertThat(whiteWidth(Playback.frameAt(video, 0.02))).isCloseTo(52, within(3));
        assertThat(whiteWidth(Playback.frameAt(video, 1.98))).isCloseTo(40, within(3));
    }

    @ParameterizedTest
    @CsvSource({"SLIDE_LEFT, -1, 0", "SLIDE_RIGHT, 1, 0", "SLIDE_UP, 0, -1", "SLIDE_DOWN, 0, 1"})
    void aSlideEffectMovesThePictureInItsDirection(MotionKind kind, int towardsX, int towardsY) {
        SourceFile square = media.drawing("square.png", SQUARE);

        Path video = compose(plan().layer(still(square, WHOLE, fullFrame(),
                Plans.effect(new MotionEffect(kind, Speed.NORMAL)))).build());

        double[] early = whiteCentre(Playback.frameAt(video, 0.02));
        double[] late = whiteCentre(Playback.frameAt(video, 1.98));
        double distanceX = kind == MotionKind.SLIDE_LEFT || kind == MotionKind.SLIDE_RIGHT ? 32 : 0;
        double distanceY = distanceX == 0 ? 18 : 0;
        // A pan of 10% of the frame, less the last frame's worth.
        assertThat(late[0] - early[0]).isCloseTo(towardsX * distanceX, within(3.0));
        assertThat(late[1] - early[1]).isCloseTo(towardsY * distanceY, within(3.0));
    }

    @Test
    void greyscaleLeavesNoColour() {
        SourceFile colourful = media.video("testsrc.mp4", "testsrc2=s=320x180:r=25", 2, false);

        Path video = compose(plan().layer(video(colourful, WHOLE, 0, 1, fullFrame(),
                Plans.filter(ColorFilter.GREYSCALE))).build());

        Playback.Frame frame = Playback.frameAt(video, 1);
        int darkest = 255;
        int lightest = 0;
        for (int y = 5; y < 180; y += 10) {
            for (int x = 5; x < 320; x += 10) {
                assertThat(Math.abs(frame.red(x, y) - frame.green(x, y))).as(frame.describe(x, y)).isLessThanOrEqualTo(2);
                assertThat(Math.abs(frame.blue(x, y) - frame.green(x, y))).as(frame.describe(x, y)).isLessThanOrEqualTo(2);
                darkest = Math.min(darkest, frame.luma(x, y));
                lightest = Math.max(lightest, frame.luma(x, y));
            }
        }
        assertThat(lightest - darkest).as("the picture is still there").isGreaterThan(100);
    }

    @Test
    void aTweenedTurnOfAStillMovesOnAtEveryFrame() {
        // a 120x20 white bar turning from 0 to 90 degrees over 2 s: 1.8 degrees a frame at 25 fps. Its frames from
        // 1.16 s and 1.88 s once repeated the one before (setpts truncated 29 - a hair to 28 ticks).
        SourceFile white = media.image("white.png", "white", 120, 20);
        Keyframes upright = new Keyframes(List.of(new Tween(0, 90, 0, 2, Interpolation.LINEAR, Easing.EASE)));
        Look turning = new Look(1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new Animation(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(upright), Optional.empty()), 0);

        Path video = compose(plan().layer(still(white, WHOLE, box(120, 20, 100, 80), turning)).build());

        for (double seconds : new double[] {1.84, 1.88, 1.92}) {
            Playback.Frame frame = Playback.frameAt(video, seconds + 0.02);
            int first = -1;
            int last = -1;
            for (int x = 0; x < frame.width(); x++) {
                for (int y = 0; y < frame.height(); y++) {
                    if (frame.luma(x, y) > 50) {
                        first = first < 0 ? x : first;
                        last = x;
                        break;
                    }
                }
            }
            // 120 cos + 20 sin columns, and up to two more of antialiased edge
            double angle = Math.toRadians(90 * seconds / 2);
            double across = 120 * Math.cos(angle) + 20 * Math.sin(angle);
            assertThat(last - first + 1).as("columns of the bar in the frame from %s s", seconds)
                    .isBetween((int) Math.floor(across), (int) Math.ceil(across) + 2);
        }
    }

    @Test
    void negativeInvertsColours() {
        SourceFile red = media.image("red.png", "red", 64, 48);

        Path video = compose(plan().layer(still(red, WHOLE, fullFrame(), Plans.filter(ColorFilter.NEGATIVE))).build());

        Playback.Frame frame = Playback.frameAt(video, 1);
        assertThat(frame.is(160, 90, 0, 255, 255, 12)).as(frame.describe(160, 90)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ColorFilter.class)
    void everyColourFilterKeepsThePictureWhereItWas(ColorFilter filter) {
        SourceFile square = media.drawing("square.png", SQUARE);

        Path video = compose(plan().background(new dev.reelforge.core.edit.model.Color(0, 0, 255, 255))
                .layer(still(square, WHOLE, box(320, 180, 0, 0), Plans.filter(filter))).build());

        Playback.Frame frame = Playback.frameAt(video, 1);
        int inside = frame.luma(160, 90);
        int outside = frame.luma(40, 40);
        assertThat(Math.abs(inside - outside)).as("%s: %s vs %s", filter, frame.describe(160, 90),
                frame.describe(40, 40)).isGreaterThan(60);
        assertThat(Math.abs(frame.blue(40, 40) - frame.red(40, 40))).as("the layer hides the blue background: %s",
                frame.describe(40, 40)).isLessThan(30);
    }

    /** How many pixels of the middle row are white. */
    private static int whiteWidth(Playback.Frame frame) {
        int white = 0;
        for (int x = 0; x < frame.width(); x++) {
            if (frame.luma(x, frame.height() / 2) > 128) {
                white++;
            }
        }
        return white;
    }

    /** The centre of the white pixels. */
    private static double[] whiteCentre(Playback.Frame frame) {
        double sumX = 0;
        double sumY = 0;
        int count = 0;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                if (frame.luma(x, y) > 128) {
                    sumX += x;
                    sumY += y;
                    count++;
                }
            }
        }
        assertThat(count).as("white pixels").isPositive();
        return new double[] {sumX / count, sumY / count};
    }
}
