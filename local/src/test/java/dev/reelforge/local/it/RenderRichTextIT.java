package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.it.RenderPlayback.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rich text read from the pixels of small, short MP4s (320x180, 3 s), each with four rich-text clips, each in a
 * 160x90 box (the clip's width and height) in one quarter of the frame: a padded background with left-aligned
 * text, a fadeIn, a typewriter, right-aligned red text on a highlight; a gradient, an outline with a shadow and a border, an
 * ascend and a slideIn; a box with tweened opacity and offset.
 */
class RenderRichTextIT {

    private static RenderTestStack stack;
    private static RenderPlayback playback;

    @BeforeAll
    static void startStack() {
        stack = RenderTestStack.start();
        playback = stack.playback();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void richTextDrawsItsBoxStylesAlignmentAndAnimationsOnTheFrame() {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [{"asset": {"type": "rich-text", "text": "Hi",
                      "font": {"family": "Arial", "size": 36, "weight": 700, "color": "#ffffff"},
                      "background": {"color": "#0000ff"}, "padding": 12,
                      "align": {"horizontal": "left", "vertical": "top"}},
                    "start": 0, "length": 3, "width": 160, "height": 90, "position": "topLeft"}]},
                  {"clips": [{"asset": {"type": "rich-text", "text": "Fade",
                      "font": {"size": 40, "weight": 700, "color": "#ffffff"},
                      "animation": {"preset": "fadeIn", "duration": 2}},
                    "start": 0, "length": 3, "width": 160, "height": 90, "position": "topRight"}]},
                  {"clips": [{"asset": {"type": "rich-text", "text": "Typewriter",
                      "font": {"size": 28, "weight": 700, "color": "#ffffff"},
                      "align": {"horizontal": "left"},
                      "animation": {"preset": "typewriter", "duration": 2}},
                    "start": 0, "length": 3, "width": 160, "height": 90, "position": "bottomLeft"}]},
                  {"clips": [{"asset": {"type": "rich-text", "text": "R",
                      "font": {"size": 60, "weight": 700, "color": "#ff0000", "background": "#ffff00"},
                      "align": {"horizontal": "right", "vertical": "bottom"}},
                    "start": 0, "length": 3, "width": 160, "height": 90, "position": "bottomRight"}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");
        Frame end = playback.frameAt(mp4, 2.6);

        // top left: the blue background fills the whole 160x90 box; the text sits inside the 12 px padding, left
        assertThat(end.is(3, 3, 0, 0, 255, 40)).as("background %s", end.describe(3, 3)).isTrue();
        assertThat(end.is(150, 80, 0, 0, 255, 40)).as("background %s", end.describe(150, 80)).isTrue();
        assertThat(end.is(170, 20, 0, 0, 0, 30)).as("outside the box %s", end.describe(170, 20)).isTrue();
        assertThat(end.brightPixels(12, 12, 80, 60, 200)).as("left-aligned text in the padding").isGreaterThan(80);
        assertThat(end.brightPixels(0, 0, 160, 10, 200)).as("nothing in the top padding").isZero();
        assertThat(end.brightPixels(0, 0, 10, 90, 200)).as("nothing in the left padding").isZero();
        assertThat(end.brightPixels(90, 0, 160, 90, 200)).as("nothing on the right").isZero();

        // top right: the fadeIn is dim early, full once its 2 s are over
        double fadeEarly = playback.frameAt(mp4, 0.3).meanLuma(160, 0, 320, 90);
        double fadeDone = end.meanLuma(160, 0, 320, 90);
        assertThat(fadeDone).as("faded in").isGreaterThan(12);
        assertThat(fadeEarly).as("fading at 0.3 s").isLessThan(fadeDone * 0.6);

        // bottom left: the typewriter has typed part of its text halfway, all of it at the end
        int typedHalfway = playback.frameAt(mp4, 1).brightPixels(0, 90, 160, 180, 200);
        int typedAll = end.brightPixels(0, 90, 160, 180, 200);
        assertThat(typedAll).isGreaterThan(150);
        assertThat(typedHalfway).as("typed halfway").isBetween(typedAll / 6, typedAll * 5 / 6);
        assertThat(end.brightPixels(0, 90, 60, 180, 200)).as("starting at the left")
                .isGreaterThan(end.brightPixels(100, 90, 160, 180, 200));

        // bottom right: the red R is in the box's bottom right corner
        int redRight = redPixels(end, 260, 120, 320, 180);
        assertThat(redRight).as("red text at the right").isGreaterThan(100);
        assertThat(redPixels(end, 160, 90, 240, 180)).as("no text at the left of its box").isZero();
        assertThat(redPixels(end, 160, 90, 320, 115)).as("no text at the top of its box").isZero();
        // its font.background highlights behind the R only
        assertThat(countPixels(end, 240, 90, 320, 180, 255, 255, 0)).as("yellow highlight by the R").isGreaterThan(100);
        assertThat(countPixels(end, 160, 90, 240, 180, 255, 255, 0)).as("no highlight left of the R").isZero();
    }

    @Test
    void gradientOutlineShadowBorderAndMovingPresetsShowOnTheFrame() {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [{"asset": {"type": "rich-text", "text": "MMM",
                      "font": {"size": 56, "weight": 700},
                      "style": {"gradient": {"type": "linear", "angle": 0, "stops": [
                          {"offset": 0, "color": "#ff0000"}, {"offset": 1, "color": "#0000ff"}]}}},
                    "start": 0, "length": 3, "width": 160, "height": 90, "position": "topLeft"}]},
                  {"clips": [{"asset": {"type": "rich-text", "text": "O",
                      "font": {"size": 60, "weight": 700, "color": "#ffffff"},
                      "stroke": {"width": 6, "color": "#00ff00"},
                      "shadow": {"offsetX": 12, "offsetY": 12, "color": "#ff0000", "opacity": 1},
                      "border": {"width": 6, "color": "#ffffff"}},
                    "start": 0, "length": 3, "width": 160, "height": 90, "position": "topRight"}]},
                  {"clips": [{"asset": {"type": "rich-text", "text": "Up",
                      "font": {"size": 40, "weight": 700, "color": "#ffffff"},
                      "animation": {"preset": "ascend", "duration": 1}},
                    "start": 0, "length": 3, "width": 160, "height": 90, "position": "bottomLeft"}]},
                  {"clips": [{"asset": {"type": "rich-text", "text": "Go",
                      "font": {"size": 40, "weight": 700, "color": "#ffffff"},
                      "animation": {"preset": "slideIn", "direction": "right", "duration": 1}},
                    "start": 0, "length": 3, "width": 160, "height": 90, "position": "bottomRight"}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");
        Frame end = playback.frameAt(mp4, 2.5);

        // top left: the gradient is red at the left of the text, blue at its right
        int[] columns = litColumns(end, 0, 0, 160, 90);
        assertThat(columns[1] - columns[0]).as("text width").isGreaterThan(80);
        double[] left = meanColour(end, columns[0], 0, columns[0] + 20, 90);
        double[] right = meanColour(end, columns[1] - 20, 0, columns[1], 90);
        assertThat(left[0]).as("red on the left").isGreaterThan(left[2] + 60);
        assertThat(right[2]).as("blue on the right").isGreaterThan(right[0] + 60);

        // top right: a white border inside the box's edge, a green outline round the letter, a red shadow below right
        assertThat(end.is(162, 45, 255, 255, 255, 40)).as("border %s", end.describe(162, 45)).isTrue();
        assertThat(end.is(172, 45, 0, 0, 0, 30)).as("inside the border %s", end.describe(172, 45)).isTrue();
        assertThat(countPixels(end, 160, 0, 320, 90, 0, 255, 0)).as("green outline").isGreaterThan(100);
        assertThat(countPixels(end, 160, 0, 320, 90, 255, 0, 0)).as("red shadow").isGreaterThan(50);

        // bottom left: ascend rises into place; bottom right: slideIn travels right into place
        Frame early = playback.frameAt(mp4, 0.25);
        assertThat(litCentre(early, 0, 90, 160, 180, false)).as("ascending: still low")
                .isGreaterThan(litCentre(end, 0, 90, 160, 180, false) + 4);
        assertThat(litCentre(early, 160, 90, 320, 180, true)).as("sliding right: still left")
                .isLessThan(litCentre(end, 160, 90, 320, 180, true) - 4);
    }

    @Test
    void tweenedOpacityAndOffsetMoveAndFadeARichTextClipFrameByFrame() {
        // an 80x60 box filled red (its text red on red), fading in and moving right across the middle
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [{"asset": {"type": "rich-text", "text": "x",
                      "font": {"size": 20, "color": "#ff0000"}, "background": {"color": "#ff0000"}},
                    "start": 0, "length": 2, "width": 80, "height": 60,
                    "opacity": [{"from": 0, "to": 1, "start": 0, "length": 2}],
                    "offset": {"x": [{"from": -0.25, "to": 0.25, "start": 0, "length": 2}]}}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        // at 0.5 s: opacity 0.25, offset -0.125 of the width: centred at x 120 (80-160), a quarter red
        Frame early = playback.frameAt(mp4, 0.5);
        assertThat(early.is(120, 90, 64, 0, 0, 35)).as("a quarter red at 0.5 s %s", early.describe(120, 90)).isTrue();
        assertThat(early.is(200, 90, 0, 0, 0, 20)).as("not yet at x 200 %s", early.describe(200, 90)).isTrue();
        // at 1.5 s: opacity 0.75, offset 0.125: centred at x 200 (160-240), three quarters red
        Frame late = playback.frameAt(mp4, 1.5);
        assertThat(late.is(200, 90, 191, 0, 0, 35)).as("three quarters red at 1.5 s %s", late.describe(200, 90))
                .isTrue();
        assertThat(late.is(120, 90, 0, 0, 0, 20)).as("gone from x 120 %s", late.describe(120, 90)).isTrue();
    }

    @Test
    void tweenedScaleAndRotationShrinkAndTurnRichTextClipsFrameByFrame() {
        // left: an 80x60 red box shrinking to half its size; right: a 120x20 green bar turning to upright
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [{"asset": {"type": "rich-text", "text": "x",
                      "font": {"size": 10, "color": "#ff0000"}, "background": {"color": "#ff0000"}},
                    "start": 0, "length": 2, "width": 80, "height": 60, "offset": {"x": -0.25},
                    "scale": [{"from": 1, "to": 0.5, "start": 0, "length": 2}]}]},
                  {"clips": [{"asset": {"type": "rich-text", "text": "x",
                      "font": {"size": 10, "color": "#00ff00"}, "background": {"color": "#00ff00"}},
                    "start": 0, "length": 2, "width": 120, "height": 20, "offset": {"x": 0.25},
                    "transform": {"rotate": {"angle": [{"from": 0, "to": 90, "start": 0, "length": 2}]}}}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");
        Frame early = playback.frameAt(mp4, 0.1);
        Frame late = playback.frameAt(mp4, 1.9);

        // scale 0.975 then 0.525 of 80 pixels, about the box's centre (x 80)
        int[] wide = litColumns(early, 0, 0, 160, 180);
        int[] narrow = litColumns(late, 0, 0, 160, 180);
        assertThat(wide[1] - wide[0] + 1).as("0.1 s: the box 78 wide").isBetween(74, 82);
        assertThat(narrow[1] - narrow[0] + 1).as("1.9 s: the box 42 wide").isBetween(38, 46);
        assertThat((narrow[0] + narrow[1]) / 2.0).as("1.9 s: still about x 80").isBetween(76.0, 84.0);
        // turned 3.6 degrees (the frame from 0.08 s) the bar is nearly as wide as long; at 84.6 degrees (from 1.88 s)
        // 120 cos + 20 sin = 31.2 columns, and a column or two of antialiased edge (a frame late, 82.8: 35, seen 37)
        int[] level = litColumns(early, 160, 0, 320, 180);
        int[] upright = litColumns(late, 160, 0, 320, 180);
        assertThat(level[1] - level[0] + 1).as("0.1 s: the bar across").isBetween(115, 128);
        assertThat(upright[1] - upright[0] + 1).as("1.9 s: the bar upright").isBetween(30, 34);
    }

    @Test
    void aFamilyThatIsNotShippedIsRefusedAtSubmitNamingTheField() {
        ApiResponse response = stack.api().post("/edit/stage/render", stack.key(Environment.STAGE), """
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "rich-text", "text": "Hi",
                   "font": {"family": "UniNeue"}}, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4", "resolution": "preview"}}
                """);

        assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
        assertThat(response.body().path("success").asBoolean()).isFalse();
        assertThat(response.body().path("response").asText())
                .startsWith("timeline.tracks[0].clips[0].asset.font.family 'UniNeue' is not an available font (UniNeue "
                        + "is a commercial font that cannot be shipped: add its file in timeline.fonts)");
    }

    @Test
    void richTextInAFontOfTheTimelineDrawsWithThatFontsGlyphs() {
        String font = stack.url(renamedMono("rich-typewriter.ttf"));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "fonts": [{"src": "%s"}], "tracks": [
                  {"clips": [{"asset": {"type": "rich-text", "text": "iiiiiiii",
                      "font": {"family": "Typewriter Test", "size": 30, "color": "#ffffff"},
                      "align": {"horizontal": "left"}},
                    "start": 0, "length": 1, "width": 320, "height": 60, "position": "top"},
                   {"asset": {"type": "rich-text", "text": "iiiiiiii",
                      "font": {"family": "Liberation Sans", "size": 30, "color": "#ffffff"},
                      "align": {"horizontal": "left"}},
                    "start": 0, "length": 1, "width": 320, "height": 60, "position": "bottom"}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}
                """.formatted(font)).render();
        Frame frame = playback.frameAt(stack.download(render.path("url").asText(), "png"), 0);

        // eight i's advance 0.6 em each in the monospaced font (about 144 px at 30 px), 0.22 em in Liberation Sans
        assertThat(litColumns(frame, 0, 120, 320, 180)[1] - litColumns(frame, 0, 120, 320, 180)[0])
                .as("Liberation Sans ink width").isBetween(35, 70);
        assertThat(litColumns(frame, 0, 0, 320, 60)[1] - litColumns(frame, 0, 0, 320, 60)[0])
                .as("ink width in the fetched font").isBetween(120, 170);
    }

    /** Liberation Mono with its family renamed (same length, so no offset moves), served by the media host. */
    private static Path renamedMono(String name) {
        try (InputStream in = RenderRichTextIT.class.getClassLoader()
                .getResourceAsStream("liberation/LiberationMono-Regular.ttf")) {
            byte[] font = in.readAllBytes();
            for (var charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.ISO_8859_1)) {
                byte[] what = "Liberation Mono".getBytes(charset);
                byte[] with = "Typewriter Test".getBytes(charset);
                for (int i = 0; i + what.length <= font.length; i++) {
                    if (Arrays.equals(font, i, i + what.length, what, 0, what.length)) {
                        System.arraycopy(with, 0, font, i, with.length);
                    }
                }
            }
            Path directory = stack.media().notMedia("placeholder").getParent();
            return Files.write(directory.resolve(name), font);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first and last column of a rectangle with any pixel brighter than dark grey. */
    private static int[] litColumns(Frame frame, int x0, int y0, int x1, int y1) {
        int first = -1;
        int last = -1;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                if (frame.red(x, y) + frame.green(x, y) + frame.blue(x, y) > 150) {
                    first = first < 0 ? x : first;
                    last = x;
                    break;
                }
            }
        }
        return new int[] {first, last};
    }

    private static double[] meanColour(Frame frame, int x0, int y0, int x1, int y1) {
        double[] sum = new double[3];
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (frame.red(x, y) + frame.green(x, y) + frame.blue(x, y) > 150) {
                    sum[0] += frame.red(x, y);
                    sum[1] += frame.green(x, y);
                    sum[2] += frame.blue(x, y);
                    count++;
                }
            }
        }
        return new double[] {sum[0] / count, sum[1] / count, sum[2] / count};
    }

    private static int countPixels(Frame frame, int x0, int y0, int x1, int y1, int r, int g, int b) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                count += frame.is(x, y, r, g, b, 70) ? 1 : 0;
            }
        }
        return count;
    }

    /** The mean x (or y) of the pixels of a rectangle brighter than dark grey. */
    private static double litCentre(Frame frame, int x0, int y0, int x1, int y1, boolean x) {
        double sum = 0;
        int count = 0;
        for (int py = y0; py < y1; py++) {
            for (int px = x0; px < x1; px++) {
                if (frame.red(px, py) + frame.green(px, py) + frame.blue(px, py) > 150) {
                    sum += x ? px : py;
                    count++;
                }
            }
        }
        assertThat(count).as("lit pixels in %d,%d-%d,%d", x0, y0, x1, y1).isGreaterThan(20);
        return sum / count;
    }

    private static int redPixels(Frame frame, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                count += frame.red(x, y) > 180 && frame.green(x, y) < 80 && frame.blue(x, y) < 80 ? 1 : 0;
            }
        }
        return count;
    }
}
