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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTML assets and the edit's own fonts, read from the pixels of small PNG outputs (320x180) over a green picture:
 * where the HTML box's background is and is not, where its content sits, the text's colour, and how wide a text
 * asset set in a font fetched from {@code timeline.fonts} draws against the shipped Liberation Sans.
 */
class RenderHtmlIT {

    private static final int TOLERANCE = 40;

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
    void htmlIsDrawnInItsBoxWithItsBackgroundAndATransparentBoxShowsTheClipBelow() {
        String green = stack.url(stack.media().image("green.png", "0x00FF00", 320, 180));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"tracks": [
                  {"clips": [{"asset": {"type": "html", "html": "<div class='square'></div>",
                      "css": ".square { width: 40px; height: 30px; background: #ff0000; }",
                      "width": 160, "height": 90, "background": "#0000ff", "position": "bottomRight"},
                    "start": 0, "length": 1, "position": "topLeft"},
                   {"asset": {"type": "html", "html": "<p>HI</p>",
                      "css": "p { color: #ffffff; font-size: 60px; font-weight: bold; margin: 0; }",
                      "width": 160, "height": 90, "background": "transparent"},
                    "start": 0, "length": 1, "position": "bottomRight"}]},
                  {"clips": [{"asset": {"type": "image", "src": "%s"}, "start": 0, "length": 1}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}
                """.formatted(green)).render();
        Frame frame = playback.frameAt(stack.download(render.path("url").asText(), "png"), 0);

        // The first box (clip at topLeft) covers 0..160 x 0..90 in blue, its content (asset position bottomRight)
        // in its bottom right corner: the red square at 120..160 x 60..90.
        assertPixel(frame, 140, 75, 255, 0, 0, "the red square at the box's bottom right");
        assertPixel(frame, 20, 20, 0, 0, 255, "the box's background, top left");
        assertPixel(frame, 140, 20, 0, 0, 255, "the box's background above the square");
        assertPixel(frame, 100, 75, 0, 0, 255, "the box's background left of the square");
        assertPixel(frame, 200, 40, 0, 255, 0, "right of the box: the picture below");
        // The second box (clip at bottomRight) covers 160..320 x 90..180; transparent, so the green shows through
        // everywhere but its white text, centred in it.
        assertPixel(frame, 165, 95, 0, 255, 0, "the transparent box's corner shows the picture below");
        assertPixel(frame, 315, 175, 0, 255, 0, "the transparent box's far corner");
        assertThat(frame.brightPixels(160, 90, 320, 180, 200)).as("white text in the transparent box")
                .isGreaterThan(300);
        assertThat(frame.brightPixels(160, 90, 200, 180, 200)).as("the text is centred: none at the box's left")
                .isZero();
        assertThat(frame.brightPixels(0, 0, 160, 90, 200)).as("no white in the first box").isZero();
    }

    @Test
    void aTweenedOffsetAndSkewMoveAndSlantAnHtmlBoxFrameByFrame() {
        // a 60x60 red box sliding from the left half to the right half while it slants
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [{"asset": {"type": "html", "html": "<p>x</p>", "css": "p { color: #ff0000; }",
                      "width": 60, "height": 60, "background": "#ff0000"},
                    "start": 0, "length": 2,
                    "offset": {"x": [{"from": -0.25, "to": 0.25, "start": 0, "length": 2}]},
                    "transform": {"skew": {"x": [{"from": 0, "to": 0.2, "start": 0, "length": 2}]}}}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");
        Frame early = playback.frameAt(mp4, 0.1);
        Frame late = playback.frameAt(mp4, 1.9);

        // offset -0.225 then 0.225 of the width: centred at x 88, then at x 232
        assertPixel(early, 88, 90, 255, 0, 0, "0.1 s: the box left of the middle");
        assertPixel(early, 232, 90, 0, 0, 0, "0.1 s: nothing right of it");
        assertPixel(late, 232, 90, 255, 0, 0, "1.9 s: the box right of the middle");
        assertPixel(late, 88, 90, 0, 0, 0, "1.9 s: gone from the left");
        // skewed 0.19 of the frame's width (61 pixels) from its top edge to its bottom one: its top row sits
        // that far beside its bottom row, where it was nearly square
        assertThat(Math.abs(rowMiddle(late, 62) - rowMiddle(late, 118))).as("1.9 s: the top row beside the bottom one")
                .isGreaterThan(40);
        assertThat(Math.abs(rowMiddle(early, 62) - rowMiddle(early, 118))).as("0.1 s: nearly square")
                .isLessThan(10);
    }

    /** The mean column of the red pixels of row {@code y}. */
    private static double rowMiddle(Frame frame, int y) {
        double sum = 0;
        int count = 0;
        for (int x = 0; x < frame.width(); x++) {
            if (frame.is(x, y, 255, 0, 0, TOLERANCE)) {
                sum += x;
                count++;
            }
        }
        assertThat(count).as("red pixels in row %d", y).isGreaterThan(5);
        return sum / count;
    }

    /** The newest contract's html5 asset without JavaScript: static markup over the whole frame, centred. */
    @Test
    void anHtml5AssetWithoutScriptIsDrawnOverTheWholeFrameAndWithScriptIsRefused() {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [{"asset": {"type": "html5", "html": "<div class='square'></div>",
                      "css": ".square { width: 40px; height: 40px; background: #ffff00; }"},
                    "start": 0, "length": 1}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}
                """).render();
        Frame frame = playback.frameAt(stack.download(render.path("url").asText(), "png"), 0);

        assertPixel(frame, 160, 90, 255, 255, 0, "the square, centred in the frame");
        assertPixel(frame, 130, 90, 0, 0, 0, "left of the square: transparent over the background");
        assertPixel(frame, 160, 60, 0, 0, 0, "above the square");

        ApiResponse refused = stack.api().post("/edit/" + Environment.V1.pathName() + "/render", stack.key(Environment.V1), """
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "html5", "html": "<p>x</p>",
                   "js": "document.body.remove()"}, "start": 0, "length": 1}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}
                """);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("response").asText()).contains("timeline.tracks[0].clips[0].asset.js is not "
                + "supported: JavaScript needs a browser");
    }

    @Test
    void aTextAssetInAFontOfTheTimelineDrawsWithThatFontsGlyphs() {
        String font = stack.url(renamedFont("typewriter.ttf"));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "fonts": [{"src": "%s"}], "tracks": [
                  {"clips": [{"asset": {"type": "text", "text": "iiiiiiii", "width": 320, "height": 60,
                      "font": {"family": "Typewriter Test", "size": 30, "color": "#ffffff"},
                      "alignment": {"horizontal": "left"}},
                    "start": 0, "length": 1, "position": "top"},
                   {"asset": {"type": "html", "html": "<p>i</p>", "width": 320, "height": 60,
                      "css": "p { font-family: 'Typewriter Test'; font-size: 50px; color: #ffffff; margin: 0; }",
                      "position": "left"},
                    "start": 0, "length": 1, "position": "center"},
                   {"asset": {"type": "text", "text": "iiiiiiii", "width": 320, "height": 60,
                      "font": {"family": "Liberation Sans", "size": 30, "color": "#ffffff"},
                      "alignment": {"horizontal": "left"}},
                    "start": 0, "length": 1, "position": "bottom"}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}
                """.formatted(font)).render();
        Frame frame = playback.frameAt(stack.download(render.path("url").asText(), "png"), 0);

        // Eight i's advance 0.6 em each in the monospaced font (about 144 px at 30 px), 0.22 em in Liberation Sans:
        // the text asset (top band) and the shipped font (bottom band). The HTML naming the family in its CSS (middle
        // band) draws one i, whose ink is the glyph's own: a monospaced i has a foot (about 0.5 em), a sans one not.
        int shipped = inkWidth(frame, 120, 180);
        assertThat(shipped).as("Liberation Sans ink width").isBetween(35, 70);
        assertThat(inkWidth(frame, 0, 60)).as("the text asset's ink width in the fetched font").isBetween(120, 170);
        assertThat(inkWidth(frame, 60, 120)).as("the HTML's i in the fetched font (Liberation Sans': 5 px)")
                .isBetween(18, 32);
    }

    @Test
    void aFontOfTheTimelineAnswersToItsFilesNameAsShotstacksTemplatesNameFontsGstaticFiles() {
        String font = stack.url(renamedFont("JTUSjIg1_stem.ttf"));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "fonts": [{"src": "%s"}], "tracks": [
                  {"clips": [{"asset": {"type": "text", "text": "iiiiiiii", "width": 320, "height": 60,
                      "font": {"family": "JTUSjIg1_stem", "size": 30, "color": "#ffffff"},
                      "alignment": {"horizontal": "left"}},
                    "start": 0, "length": 1, "position": "top"}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}
                """.formatted(font)).render();
        Frame frame = playback.frameAt(stack.download(render.path("url").asText(), "png"), 0);

        assertThat(inkWidth(frame, 0, 60)).as("the text's ink width in the fetched monospaced font").isBetween(120, 170);
    }

    @Test
    void aFontFileThatIsNoFontFailsTheRenderNamingItsSource() {
        String notAFont = stack.url(stack.media().notMedia("not-a-font.ttf"));
        String id = stack.submit(Environment.V1, """
                {"timeline": {"fonts": [{"src": "%s"}], "tracks": [
                  {"clips": [{"asset": {"type": "html", "html": "<p>x</p>"}, "start": 0, "length": 1}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}
                """.formatted(notAFont));
        RenderTestStack.Watched watched = stack.awaitFinished(Environment.V1, id);

        assertThat(watched.status()).isEqualTo("failed");
        assertThat(watched.render().path("error").asText())
                .isEqualTo("timeline.fonts[0].src is not a font that can be drawn: it is not a TrueType or OpenType font");
    }

    @Test
    void aFamilyNeitherShippedNorAmongTheTimelinesFontsFailsTheRenderNamingTheField() {
        String font = stack.url(renamedFont("typewriter-2.ttf"));
        String id = stack.submit(Environment.V1, """
                {"timeline": {"fonts": [{"src": "%s"}], "tracks": [
                  {"clips": [{"asset": {"type": "text", "text": "x", "font": {"family": "Nowhere Sans"}},
                    "start": 0, "length": 1}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}
                """.formatted(font));
        RenderTestStack.Watched watched = stack.awaitFinished(Environment.V1, id);

        assertThat(watched.status()).isEqualTo("failed");
        assertThat(watched.render().path("error").asText()).isEqualTo("timeline.tracks[0].clips[0].asset.font.family "
                + "'Nowhere Sans' is neither a shipped font nor a family of timeline.fonts (Typewriter Test, typewriter-2)");
    }

    @Test
    void anEditsOwnFontOfAShippedFamilysNameWinsOverTheShippedOne() {
        // the fetched file answers to "Roboto" by its file's name, as Shotstack's templates bring their own Roboto
        String font = stack.url(renamedFont("Roboto.ttf"));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "fonts": [{"src": "%s"}], "tracks": [
                  {"clips": [{"asset": {"type": "text", "text": "iiiiiiii", "width": 320, "height": 60,
                      "font": {"family": "Roboto", "size": 30, "color": "#ffffff"},
                      "alignment": {"horizontal": "left"}},
                    "start": 0, "length": 1, "position": "top"},
                   {"asset": {"type": "html", "html": "<p>i</p>", "width": 320, "height": 60,
                      "css": "p { font-family: 'Roboto'; font-size: 50px; color: #ffffff; margin: 0; }",
                      "position": "left"},
                    "start": 0, "length": 1, "position": "center"},
                   {"asset": {"type": "rich-text", "text": "iiiiiiii",
                      "font": {"family": "Roboto", "size": 30, "color": "#ffffff"}, "align": {"horizontal": "left"}},
                    "start": 0, "length": 1, "width": 320, "height": 60, "position": "bottom"}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}
                """.formatted(font)).render();
        Frame frame = playback.frameAt(stack.download(render.path("url").asText(), "png"), 0);

        // the shipped Roboto's eight i's are about 55 px wide at 30 px, its i about 6 px at 50 px
        assertThat(inkWidth(frame, 0, 60)).as("the text asset's ink width in the fetched font").isBetween(120, 170);
        assertThat(inkWidth(frame, 60, 120)).as("the HTML's i in the fetched font").isBetween(18, 32);
        assertThat(inkWidth(frame, 120, 180)).as("the rich text's ink width in the fetched font").isBetween(120, 170);
    }

    /** Liberation Mono with its family renamed (same length, so no offset moves), served by the media host. */
    private static Path renamedFont(String name) {
        try (InputStream in = RenderHtmlIT.class.getClassLoader()
                .getResourceAsStream("liberation/LiberationMono-Regular.ttf")) {
            byte[] font = in.readAllBytes();
            replace(font, "Liberation Mono".getBytes(StandardCharsets.UTF_16BE),
                    "Typewriter Test".getBytes(StandardCharsets.UTF_16BE));
            replace(font, "Liberation Mono".getBytes(StandardCharsets.ISO_8859_1),
                    "Typewriter Test".getBytes(StandardCharsets.ISO_8859_1));
            Path directory = stack.media().notMedia("placeholder").getParent();
            return Files.write(directory.resolve(name), font);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(byte[] in, byte[] what, byte[] with) {
        for (int i = 0; i + what.length <= in.length; i++) {
            boolean match = true;
            for (int j = 0; j < what.length && match; j++) {
                match = in[i + j] == what[j];
            }
            if (match) {
                System.arraycopy(with, 0, in, i, with.length);
            }
        }
    }

    /** From the leftmost to the rightmost bright pixel of the rows y0..y1. */
    private static int inkWidth(Frame frame, int y0, int y1) {
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < frame.width(); x++) {
                if (frame.red(x, y) > 128 && frame.green(x, y) > 128 && frame.blue(x, y) > 128) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return right < 0 ? 0 : right - left + 1;
    }

    private static void assertPixel(Frame frame, int x, int y, int r, int g, int b, String what) {
        assertThat(frame.is(x, y, r, g, b, TOLERANCE)).as("%s: expected (%d,%d,%d), got %s", what, r, g, b,
                frame.describe(x, y)).isTrue();
    }
}
