package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.RichTextLook;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class RichTextPainterTest {

    private static final Color RED = new Color(255, 0, 0, 255);
    private static final Color BLUE = new Color(0, 0, 255, 255);
    private static final Color GREEN = new Color(0, 255, 0, 255);
    private static final int WIDTH = 320;
    private static final int HEIGHT = 120;

    private static final TrueTypeOutlines FACE = TrueTypeOutlines.read(
            new LiberationFonts(Path.of("target", "test-fonts")).file(FontFace.SANS_BOLD));

    private static RichTextLook look(String text, Asset.HorizontalAlign horizontal,
            Optional<RichTextLook.Background> background, RichTextLook.Padding padding,
            Optional<RichTextLook.Gradient> gradient, Optional<RichTextLook.TextAnimation> animation) {
        return new RichTextLook(text, FontFace.SANS_BOLD, 40, Color.WHITE, 0, 0, 1.2, RichTextLook.Decoration.NONE,
                gradient, Optional.empty(), Optional.empty(), Optional.empty(), background, Optional.empty(), padding, horizontal,
                Asset.VerticalAlign.CENTER, animation);
    }

    private static RichTextLook plain(String text, Asset.HorizontalAlign horizontal) {
        return look(text, horizontal, Optional.empty(), RichTextLook.Padding.NONE, Optional.empty(), Optional.empty());
    }

    private static BufferedImage paint(RichTextLook look, double seconds) {
        return new RichTextPainter(look, WIDTH, HEIGHT, FACE).paint(seconds);
    }

    /** The bounds of the pixels whose ARGB passes the test: left, top, right, bottom, count. */
    private static int[] bounds(BufferedImage image, IntPredicate argb) {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (argb.test(image.getRGB(x, y))) {
                    left = Math.min(left, x);
                    top = Math.min(top, y);
                    right = Math.max(right, x);
                    bottom = Math.max(bottom, y);
                    count++;
                }
            }
        }
        return new int[] {left, top, right, bottom, count};
    }

    private static boolean white(int argb) {
        return (argb >>> 24) > 200 && ((argb >> 16) & 0xff) > 200 && ((argb >> 8) & 0xff) > 200 && (argb & 0xff) > 200;
    }

    private static double opacitySum(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum += (image.getRGB(x, y) >>> 24) / 255.0;
            }
        }
        return sum;
    }

    @Test
    void theBackgroundFillsTheCanvasAndThePaddingKeepsTheTextInside() {
        BufferedImage image = paint(look("Padded words wrap inside", Asset.HorizontalAlign.LEFT,
                Optional.of(new RichTextLook.Background(RED, 0, false, 0)), new RichTextLook.Padding(10, 30, 10, 30),
                Optional.empty(), Optional.empty()), 0);

        assertThat(image.getRGB(2, 2)).as("the corner is the background").isEqualTo(0xffff0000);
        assertThat(image.getRGB(WIDTH - 3, HEIGHT - 3)).isEqualTo(0xffff0000);
        int[] text = bounds(image, RichTextPainterTest::white);
        assertThat(text[4]).as("text pixels").isGreaterThan(300);
        assertThat(text[0]).as("left edge at the left padding").isBetween(30, 36);
        assertThat(text[2]).as("right edge inside the right padding").isLessThan(WIDTH - 30);
        assertThat(text[3] - text[1]).as("wrapped to two lines").isGreaterThan(60);
    }

    @Test
    void aWrappedBackgroundHugsTheTextGrownByItsPadding() {
        BufferedImage image = paint(look("Hi", Asset.HorizontalAlign.CENTER,
                Optional.of(new RichTextLook.Background(RED, 0, true, 8)), RichTextLook.Padding.NONE,
                Optional.empty(), Optional.empty()), 0);

        int[] background = bounds(image, argb -> argb == 0xffff0000);
        int[] text = bounds(image, RichTextPainterTest::white);
        assertThat(image.getRGB(2, 2) >>> 24).as("the corner stays clear").isZero();
        assertThat(text[0] - background[0]).as("padding on the left").isBetween(7, 12);
        assertThat(background[2] - text[2]).as("padding on the right").isBetween(7, 12);
    }

    @Test
    void aFontBackgroundHighlightsBehindTheCharactersOnly() {
        RichTextLook look = new RichTextLook("Hi there", FontFace.SANS_BOLD, 40, Color.WHITE, 0, 0, 1.2,
                RichTextLook.Decoration.NONE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(RED),
                Optional.empty(), Optional.empty(), RichTextLook.Padding.NONE, Asset.HorizontalAlign.CENTER,
                Asset.VerticalAlign.CENTER, Optional.empty());
        BufferedImage image = paint(look, 0);

        int[] highlight = bounds(image, argb -> argb == 0xffff0000);
        int[] text = bounds(image, RichTextPainterTest::white);
        assertThat(image.getRGB(2, 2) >>> 24).as("the box stays clear").isZero();
        assertThat(highlight[0]).as("from the first character").isBetween(text[0] - 6, text[0]);
        assertThat(highlight[2]).as("to the last").isBetween(text[2], text[2] + 6);
        assertThat(highlight[1]).as("above the letters").isLessThan(text[1]);
        assertThat(highlight[3]).as("below them").isGreaterThan(text[3]);
    }

    @Test
    void horizontalAlignmentPutsTheLineLeftCentredOrRight() {
        int[] left = bounds(paint(plain("Hi", Asset.HorizontalAlign.LEFT), 0), RichTextPainterTest::white);
        int[] centre = bounds(paint(plain("Hi", Asset.HorizontalAlign.CENTER), 0), RichTextPainterTest::white);
        int[] right = bounds(paint(plain("Hi", Asset.HorizontalAlign.RIGHT), 0), RichTextPainterTest::white);

        assertThat(left[0]).isBetween(0, 5);
        assertThat((centre[0] + centre[2]) / 2.0).isCloseTo(WIDTH / 2.0, within(4.0));
        assertThat(right[2]).isBetween(WIDTH - 6, WIDTH - 1);
        assertThat((left[1] + left[3]) / 2.0).as("vertically in the middle").isCloseTo(HEIGHT / 2.0, within(6.0));
    }

    @Test
    void aLinearGradientRunsFromTheFirstStopOnTheLeftToTheLastOnTheRight() {
        BufferedImage image = paint(look("MMMMMM", Asset.HorizontalAlign.CENTER, Optional.empty(),
                RichTextLook.Padding.NONE, Optional.of(new RichTextLook.Gradient(false, 0,
                        List.of(new RichTextLook.Stop(0, RED), new RichTextLook.Stop(1, BLUE)))), Optional.empty()),
                0);
        int[] text = bounds(image, argb -> (argb >>> 24) > 250);
        int y = (text[1] + text[3]) / 2;
        int leftmost = firstOpaque(image, y, text[0], 1);
        int rightmost = firstOpaque(image, y, text[2], -1);
        assertThat((image.getRGB(leftmost, y) >> 16) & 0xff).as("red on the left").isGreaterThan(200);
        assertThat(image.getRGB(rightmost, y) & 0xff).as("blue on the right").isGreaterThan(200);
    }

    private static int firstOpaque(BufferedImage image, int y, int from, int step) {
        for (int x = from; x >= 0 && x < image.getWidth(); x += step) {
            if ((image.getRGB(x, y) >>> 24) > 250) {
                return x;
            }
        }
        throw new AssertionError("no opaque pixel on row " + y);
    }

    @Test
    void strokeAndShadowDrawTheirColoursAroundAndBelowTheText() {
        RichTextLook look = new RichTextLook("Hi", FontFace.SANS_BOLD, 60, Color.WHITE, 0, 0, 1.2,
                RichTextLook.Decoration.UNDERLINE, Optional.empty(), Optional.of(new RichTextLook.Stroke(4, RED)),
                Optional.of(new RichTextLook.Shadow(10, 10, 0, GREEN)), Optional.empty(), Optional.empty(), Optional.empty(),
                RichTextLook.Padding.NONE, Asset.HorizontalAlign.CENTER, Asset.VerticalAlign.CENTER, Optional.empty());
        BufferedImage image = paint(look, 0);

        int[] fill = bounds(image, RichTextPainterTest::white);
        int[] stroke = bounds(image, argb -> (argb >>> 24) > 250 && ((argb >> 16) & 0xff) > 200
                && ((argb >> 8) & 0xff) < 60);
        int[] shadow = bounds(image, argb -> (argb >>> 24) > 250 && ((argb >> 8) & 0xff) > 200
                && ((argb >> 16) & 0xff) < 60);
        assertThat(stroke[4]).as("outline pixels").isGreaterThan(100);
        assertThat(stroke[1]).as("the outline reaches above the fill").isLessThan(fill[1]);
        assertThat(shadow[4]).as("shadow pixels").isGreaterThan(50);
        assertThat(shadow[3]).as("the shadow reaches below the text").isGreaterThan(stroke[3]);
    }

    @Test
    void aBlurredShadowSpreadsSoftlyBeyondTheSharpOne() {
        int[] sharp = shadowSpread(0);
        int[] blurred = shadowSpread(8);

        assertThat(blurred[0]).as("reaches further left").isLessThan(sharp[0] - 3);
        assertThat(blurred[2]).as("reaches further right").isGreaterThan(sharp[2] + 3);
        assertThat(blurred[4]).as("soft pixels").isGreaterThan(sharp[4] * 3);
    }

    /** Bounds of the shadow's partly transparent pixels (the text drawn clear, so only the shadow shows). */
    private static int[] shadowSpread(double blur) {
        RichTextLook look = new RichTextLook("Hi", FontFace.SANS_BOLD, 60, Color.WHITE.withOpacity(0), 0, 0, 1.2,
                RichTextLook.Decoration.NONE, Optional.empty(), Optional.empty(),
                Optional.of(new RichTextLook.Shadow(0, 0, blur, GREEN)), Optional.empty(), Optional.empty(), Optional.empty(),
                RichTextLook.Padding.NONE, Asset.HorizontalAlign.CENTER, Asset.VerticalAlign.CENTER, Optional.empty());
        return bounds(paint(look, 0), argb -> (argb >>> 24) > 0 && (argb >>> 24) < 250);
    }

    @Test
    void aTypewriterShowsPartOfTheTextHalfwayAndAllOfItAtTheEnd() {
        RichTextLook look = look("Typewriter", Asset.HorizontalAlign.CENTER, Optional.empty(),
                RichTextLook.Padding.NONE, Optional.empty(), Optional.of(new RichTextLook.TextAnimation(
                        RichTextLook.Preset.TYPEWRITER, 2, false, RichTextLook.Direction.LEFT)));
        int[] start = bounds(paint(look, 0), RichTextPainterTest::white);
        int[] halfway = bounds(paint(look, 0.9), RichTextPainterTest::white);
        int[] end = bounds(paint(look, 2), RichTextPainterTest::white);

        assertThat(start[4]).as("nothing typed at 0 s").isZero();
        assertThat(halfway[0]).as("typed from the left").isEqualTo(end[0]);
        assertThat(halfway[2]).as("halfway, the right part is missing").isLessThan(end[2] - 40);
        assertThat(new RichTextPainter(look, WIDTH, HEIGHT, FACE).animationSeconds()).isEqualTo(2);
    }

    @Test
    void presetsStartHiddenAndEndAsTheStillText() {
        BufferedImage still = paint(plain("Moving text", Asset.HorizontalAlign.CENTER), 0);
        for (RichTextLook.Preset preset : RichTextLook.Preset.values()) {
            RichTextLook look = look("Moving text", Asset.HorizontalAlign.CENTER, Optional.empty(),
                    RichTextLook.Padding.NONE, Optional.empty(), Optional.of(new RichTextLook.TextAnimation(preset, 1,
                            false, RichTextLook.Direction.UP)));
            RichTextPainter painter = new RichTextPainter(look, WIDTH, HEIGHT, FACE);
            assertThat(opacitySum(painter.paint(0))).as(preset + " at 0 s").isLessThan(opacitySum(still) * 0.2);
            assertThat(opacitySum(painter.paint(painter.animationSeconds() * 0.4))).as(preset + " under way")
                    .isBetween(opacitySum(still) * 0.1, opacitySum(still) * 0.97);
            BufferedImage end = painter.paint(painter.animationSeconds());
            assertThat(bounds(end, RichTextPainterTest::white)).as(preset + " at the end")
                    .isEqualTo(bounds(still, RichTextPainterTest::white));
        }
    }

    @Test
    void anEllipsisKeepsTheLinesThatFitTheBoxTheLastEndingWithItAndTheTypewriterTypesThatText() {
        String text = "MMM MMM MMM MMM MMM MMM MMM MMM MMM MMM MMM MMM MMM MMM MMM MMM";
        RichTextLook.TextAnimation typing = new RichTextLook.TextAnimation(RichTextLook.Preset.TYPEWRITER, 2, false,
                RichTextLook.Direction.LEFT);
        RichTextLook look = new RichTextLook(text, FontFace.SANS_BOLD, 40, Color.WHITE, 0, 0, 1.2,
                RichTextLook.Decoration.NONE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), RichTextLook.Padding.NONE, Asset.HorizontalAlign.LEFT,
                Asset.VerticalAlign.TOP, Optional.of(typing), Optional.of("..."));
        RichTextPainter painter = new RichTextPainter(look, WIDTH, HEIGHT, FACE);
        BufferedImage end = painter.paint(2);

        // 48 px lines in 120 px: two kept of the four the text needs, nothing cut at the canvas's bottom
        int[] ink = bounds(end, RichTextPainterTest::white);
        assertThat(ink[3]).as("the ink's bottom").isLessThan(HEIGHT - 8);
        assertThat(ink[3] - ink[1]).as("two lines of capitals").isBetween(60, 80);
        // the second line's right end is the ellipsis: dots on the baseline, far lower than the capitals' tops
        int right = ink[2];
        int[] tail = bounds(crop(end, right - 8, 48, right + 1, HEIGHT), RichTextPainterTest::white);
        assertThat(tail[1] + 48).as("the top of the ink at the second line's end").isGreaterThan(ink[1] + 48 + 18);
        assertThat(bounds(painter.paint(0.9), RichTextPainterTest::white)[4]).as("half typed")
                .isBetween(ink[4] / 5, ink[4] * 4 / 5);
        assertThat(bounds(new RichTextPainter(look, WIDTH, 400, FACE).paint(2), RichTextPainterTest::white)[3])
                .as("all four lines in a tall box").isGreaterThan(150);
    }

    private static BufferedImage crop(BufferedImage image, int x0, int y0, int x1, int y1) {
        return image.getSubimage(x0, y0, x1 - x0, y1 - y0);
    }
}
