package dev.reelforge.media;

import static dev.reelforge.media.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.Speed;
import dev.reelforge.core.edit.model.Transform;
import dev.reelforge.core.edit.model.Transition;
import dev.reelforge.core.edit.model.TransitionKind;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.Timing;
import dev.reelforge.core.plan.VisualLayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FfmpegComposerTextTest {

    private static final Timing WHOLE = new Timing(0, 2);
    private static final Color RED = new Color(255, 0, 0, 255);

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

    private Playback.Frame frameOf(VisualLayer layer, double at) {
        RenderPlan plan = plan().layer(layer).build();
        Path directory = this.directory.resolve("out-" + compositions++);
        return Playback.frameAt(composer.compose(plan, media.files(), directory).file(), at);
    }

    @ParameterizedTest
    @EnumSource(value = Position.class, names = {"TOP", "BOTTOM"})
    void aTitleIsDrawnWherePositionPutsIt(Position position) {
        Playback.Frame frame = frameOf(Plans.title("Hello", position, WHOLE), 1);

        Rows text = Rows.matching(frame, (x, y) -> frame.luma(x, y) > 128);
        assertThat(text.count()).as("text pixels").isGreaterThan(50);
        double margin = 0.04 * 180;
        if (position == Position.TOP) {
            assertThat(text.top()).isBetween((int) margin, (int) margin + 8);
            assertThat(text.bottom()).isLessThan(60);
        } else {
            assertThat(text.top()).isGreaterThan(120);
            assertThat(text.bottom()).isBetween(180 - (int) margin - 10, 180 - (int) margin);
        }
        assertThat((text.left() + text.right()) / 2.0).as("centred").isCloseTo(160, within(6.0));
    }

    @Test
    void anOffsetMovesTextRightAndUp() {
        VisualLayer.Text centred = Plans.title("Hello", Position.CENTER, WHOLE);
        VisualLayer.Text moved = new VisualLayer.Text(WHOLE, Plans.PLAIN, "Hello", FontFace.SANS_BOLD, 24, 1.2,
                Color.WHITE, Optional.empty(), Optional.empty(), Optional.empty(), Asset.HorizontalAlign.CENTER,
                Asset.VerticalAlign.CENTER, Position.CENTER, new Offset(0.25, 0.25), false);

        Playback.Frame before = frameOf(centred, 1);
        Playback.Frame after = frameOf(moved, 1);

        Rows was = Rows.matching(before, (x, y) -> before.luma(x, y) > 128);
        Rows is = Rows.matching(after, (x, y) -> after.luma(x, y) > 128);
        assertThat(is.left() - was.left()).isCloseTo(80, within(2));
        assertThat(is.top() - was.top()).isCloseTo(-45, within(2));
    }

    @Test
    void wrappedTextFillsSeveralLinesOfItsBox() {
        VisualLayer.Text text = new VisualLayer.Text(WHOLE, Plans.PLAIN, "one two three four five six seven eight",
                FontFace.SANS_REGULAR, 20, 1.3, Color.WHITE, Optional.empty(), Optional.of(150), Optional.of(120),
                Asset.HorizontalAlign.LEFT, Asset.VerticalAlign.CENTER, Position.CENTER, Offset.NONE, true);

        Playback.Frame frame = frameOf(text, 1);

        // The box: 150x120 centred, so x 85..235, y 30..150.
        Rows lit = Rows.matching(frame, (x, y) -> frame.luma(x, y) > 128);
        assertThat(lit.left()).isBetween(85, 90);
        assertThat(lit.right()).isLessThan(235);
        assertThat(lit.bands()).as("lines").isGreaterThanOrEqualTo(3);
        assertThat(lit.top()).isBetween(30, 90);
        assertThat(lit.bottom()).isBetween(90, 150);
    }

    @Test
    void aBackgroundFillsABandAroundTheText() {
        VisualLayer.Text text = new VisualLayer.Text(WHOLE, Plans.PLAIN, "Band", FontFace.SANS_BOLD, 24, 1.2,
                Color.WHITE, Optional.of(RED), Optional.empty(), Optional.empty(), Asset.HorizontalAlign.CENTER,
                Asset.VerticalAlign.CENTER, Position.CENTER, Offset.NONE, false);

        Playback.Frame frame = frameOf(text, 1);

        Rows band = Rows.matching(frame, (x, y) -> frame.is(x, y, 255, 0, 0, 30));
        Rows letters = Rows.matching(frame, (x, y) -> frame.luma(x, y) > 200);
        assertThat(letters.count()).isPositive();
        assertThat(band.left()).isLessThan(letters.left() - 4);
        assertThat(band.right()).isGreaterThan(letters.right() + 4);
        assertThat(band.top()).isLessThan(letters.top());
        assertThat(band.bottom()).isGreaterThan(letters.bottom());
        assertThat(frame.is(10, 10, 0, 0, 0, 10)).as("the rest of the frame is untouched").isTrue();
    }

    @Test
    void anEmptyTextWithABackgroundDrawsNothing() {
        VisualLayer.Text text = new VisualLayer.Text(WHOLE, Plans.PLAIN, "", FontFace.SANS_BOLD, 24, 1.2,
                Color.WHITE, Optional.of(RED), Optional.of(0), Optional.empty(), Asset.HorizontalAlign.CENTER,
                Asset.VerticalAlign.CENTER, Position.CENTER, Offset.NONE, false);

        Playback.Frame frame = frameOf(text, 1);

        assertThat(Rows.matching(frame, (x, y) -> frame.luma(x, y) > 20).count()).isZero();
    }

    @Test
    void fadingTextIsHalfBrightHalfwayThroughItsFade() {
        VisualLayer.Text text = new VisualLayer.Text(WHOLE,
                Plans.transitions(Optional.of(new Transition(TransitionKind.FADE, Speed.NORMAL)), Optional.empty()),
                "Fade", FontFace.SANS_BOLD, 60, 1.2, Color.WHITE, Optional.empty(), Optional.empty(), Optional.empty(),
                Asset.HorizontalAlign.CENTER, Asset.VerticalAlign.CENTER, Position.CENTER, Offset.NONE, false);

        Playback.Frame half = frameOf(text, 0.5);
        Playback.Frame full = frameOf(text, 1.5);

        assertThat(brightest(half)).isCloseTo(128, within(15));
        assertThat(brightest(full)).isGreaterThan(245);
    }

    @Test
    void aTurnedTextWithABackgroundFadesInWithItsBackground() {
        // Shotstack's bogo-special-offer template: an empty text box with a background, turned -7.4 degrees, sliding
        // in; the background's own moving band and the turned canvas both consumed the composite (ffmpeg refused)
        VisualLayer.Text text = new VisualLayer.Text(WHOLE,
                Plans.transitions(Optional.of(new Transition(TransitionKind.FADE, Speed.NORMAL)), Optional.empty()),
                "Turn", FontFace.SANS_BOLD, 30, 1.2, Color.WHITE, Optional.of(RED), Optional.of(160),
                Optional.of(80), Asset.HorizontalAlign.CENTER, Asset.VerticalAlign.CENTER, Position.CENTER,
                Offset.NONE, false, new Transform(Transform.Crop.NONE, false, false, -7.4));

        Playback.Frame half = frameOf(text, 0.5);
        Playback.Frame full = frameOf(text, 1.5);

        Rows band = Rows.matching(full, (x, y) -> full.is(x, y, 255, 0, 0, 30));
        assertThat(band.count()).as("the turned red box").isGreaterThan(100 * 60);
        assertThat(band.left()).isBetween(70, 85);
        assertThat(full.is(100, 110, 255, 0, 0, 30)).as("the box, beside the text, at full opacity").isTrue();
        assertThat(half.is(100, 110, 128, 0, 0, 30)).as("the box half faded in").isTrue();
    }

    @Test
    void slidingUpTextRisesIntoPlace() {
        VisualLayer.Text text = new VisualLayer.Text(WHOLE,
                Plans.transitions(Optional.of(new Transition(TransitionKind.SLIDE_UP, Speed.NORMAL)), Optional.empty()),
                "Rise", FontFace.SANS_BOLD, 40, 1.2, Color.WHITE, Optional.empty(), Optional.empty(), Optional.empty(),
                Asset.HorizontalAlign.CENTER, Asset.VerticalAlign.CENTER, Position.CENTER, Offset.NONE, false);

        Playback.Frame arriving = frameOf(text, 0.5);
        Playback.Frame arrived = frameOf(text, 1.5);

        Rows during = Rows.matching(arriving, (x, y) -> arriving.luma(x, y) > 40);
        Rows after = Rows.matching(arrived, (x, y) -> arrived.luma(x, y) > 40);
        // Half of 10% of the frame's height below its place.
        assertThat(during.top() - after.top()).isCloseTo(9, within(2));
    }

    @Test
    void drawsTextThatLooksLikeFiltergraphSyntaxAsItIs() {
        String awkward = "It's 50% off: [a], {b}; c\\d %{pts} Ωμέγα ÄÖÜ";

        Playback.Frame frame = frameOf(Plans.title(awkward, Position.CENTER, WHOLE), 1);

        Rows text = Rows.matching(frame, (x, y) -> frame.luma(x, y) > 128);
        assertThat(text.right() - text.left()).as("a line of that many characters").isGreaterThan(250);
    }

    @Test
    void composesIntoADirectoryWhoseNameNeedsEscaping() {
        Path awkward = directory.resolve("it's: [odd], dir; \\ name");
        LiberationFonts fonts = new LiberationFonts(awkward.resolve("fonts, too"));
        FfmpegComposer composer = new FfmpegComposer(TestFfmpeg.EXECUTABLE, fonts, Duration.ofSeconds(60));

        Path video = composer.compose(plan().layer(Plans.title("Hello", Position.CENTER, WHOLE)).build(), media.files(),
                awkward).file();

        Playback.Frame frame = Playback.frameAt(video, 1);
        assertThat(Rows.matching(frame, (x, y) -> frame.luma(x, y) > 128).count()).isPositive();
    }

    private static int brightest(Playback.Frame frame) {
        int brightest = 0;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                brightest = Math.max(brightest, frame.luma(x, y));
            }
        }
        return brightest;
    }

    /** The pixels of a frame that match, by extent and by bands of rows. */
    record Rows(int count, int left, int right, int top, int bottom, int bands) {

        interface PixelTest {
            boolean at(int x, int y);
        }

        static Rows matching(Playback.Frame frame, PixelTest test) {
            int count = 0;
            int left = Integer.MAX_VALUE;
            int right = -1;
            int top = Integer.MAX_VALUE;
            int bottom = -1;
            List<Integer> rows = new ArrayList<>();
            for (int y = 0; y < frame.height(); y++) {
                boolean any = false;
                for (int x = 0; x < frame.width(); x++) {
                    if (test.at(x, y)) {
                        count++;
                        any = true;
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                    }
                }
                if (any) {
                    rows.add(y);
                }
            }
            int bands = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (i == 0 || rows.get(i) > rows.get(i - 1) + 1) {
                    bands++;
                }
            }
            return new Rows(count, left, right, top, bottom, bands);
        }
    }
}
