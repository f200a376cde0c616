package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.it.RenderPlayback.Frame;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the newest contract adds, read from the pixels of small outputs (320x180): tween {@code easing} and
 * {@code constant} interpolation on an opacity, the {@code shape} asset (rectangle, circle, line) and the
 * {@code svg} asset, each drawn to a transparent picture and composed like an image (position, offset, fit).
 */
class RenderNewAssetsIT {

    private static final int TOLERANCE = 20;

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
    void anOpacityTweenFollowsItsEasingAndConstantHoldsItsFromUntilItsEnd() {
        String white = stack.url(stack.media().image("white.png", "0xFFFFFF", 320, 180));
        String clip = """
                {"asset": {"type": "image", "src": "%s"}, "start": 0, "length": 3, "scale": 0.2,
                 "offset": {"x": %s}, "opacity": [{"from": 0, "to": 1, "start": 0, "length": 2, %s}]}""";
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [%s]}, {"clips": [%s]}, {"clips": [%s]}, {"clips": [%s]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(
                clip.formatted(white, "-0.375", "\"interpolation\": \"linear\""),
                clip.formatted(white, "-0.125", "\"interpolation\": \"bezier\", \"easing\": \"easeIn\""),
                clip.formatted(white, "0.125", "\"interpolation\": \"bezier\", \"easing\": \"easeOut\""),
                clip.formatted(white, "0.375", "\"interpolation\": \"constant\""))).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        // Halfway (1 s): linear 0.5; easeIn = cubic-bezier(.42,0,1,1) 0.315; easeOut = (0,0,.58,1) 0.685;
        // constant still its from (0). Each white image is 64x36, centred at x 40, 120, 200, 280 and y 90.
        Frame halfway = playback.frameAt(mp4, 1);
        assertThat(halfway.meanLuma(30, 80, 50, 100)).as("linear at 1 s").isBetween(108.0, 148.0);
        assertThat(halfway.meanLuma(110, 80, 130, 100)).as("easeIn at 1 s").isBetween(60.0, 100.0);
        assertThat(halfway.meanLuma(190, 80, 210, 100)).as("easeOut at 1 s").isBetween(155.0, 195.0);
        assertThat(halfway.meanLuma(270, 80, 290, 100)).as("constant at 1 s").isLessThan(20);
        Frame after = playback.frameAt(mp4, 2.5);
        for (int x : new int[] {40, 120, 200, 280}) {
            assertThat(after.meanLuma(x - 10, 80, x + 10, 100)).as("x %d after the tweens", x).isGreaterThan(235);
        }
    }

    @Test
    void shapesAndSvgAreDrawnAndPlacedLikeImages() {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [{"asset": {"type": "shape", "shape": "rectangle", "fill": {"color": "#ff0000"},
                                        "rectangle": {"width": 80, "height": 40}},
                              "start": 0, "length": 1, "offset": {"x": -0.3}}]},
                  {"clips": [{"asset": {"type": "shape", "shape": "circle", "width": 60, "height": 60,
                                        "fill": {"color": "#00ff00"}, "stroke": {"color": "#0000ff", "width": 4},
                                        "circle": {"radius": 20}},
                              "start": 0, "length": 1, "position": "topRight"}]},
                  {"clips": [{"asset": {"type": "shape", "shape": "line", "fill": {"color": "#ffffff"},
                                        "line": {"length": 100, "thickness": 6}},
                              "start": 0, "length": 1, "offset": {"y": -0.35}}]},
                  {"clips": [{"asset": {"type": "shape", "shape": "line", "fill": {"color": "#ffffff"},
                                        "line": {"length": 100, "thickness": 6}},
                              "start": 0, "length": 1, "offset": {"x": 0.15},
                              "transform": {"rotate": {"angle": 90}}}]},
                  {"clips": [{"asset": {"type": "svg", "src": "<svg xmlns=\\"http://www.w3.org/2000/svg\\" width=\\"40\\" height=\\"40\\"><circle cx=\\"20\\" cy=\\"20\\" r=\\"20\\" fill=\\"#ffff00\\"/></svg>"},
                              "start": 0, "length": 1, "position": "bottomRight"}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}
                """).render();
        Path png = stack.download(render.path("url").asText(), "png");
        Frame frame = playback.frameAt(png, 0);

        // The rectangle (80x40) centred, moved left 0.3 of the width: x 24..104, centre (64, 90).
        assertPixel(frame, 64, 90, 255, 0, 0, "the rectangle's centre");
        assertPixel(frame, 64, 115, 0, 0, 0, "below the rectangle: the box around it is transparent");
        assertPixel(frame, 160, 90, 0, 0, 0, "the middle of the frame-sized box: transparent");
        // The circle in its 60x60 box at the top right: centre (290, 30), its stroke 18..22 px out.
        assertPixel(frame, 290, 30, 0, 255, 0, "the circle's centre");
        assertPixel(frame, 290, 10, 0, 0, 255, "the circle's stroke");
        assertPixel(frame, 263, 3, 0, 0, 0, "the corner of the circle's box");
        // The line (100x6) centred, moved down 0.35 of the height: centre (160, 153).
        assertPixel(frame, 160, 153, 255, 255, 255, "the line");
        assertPixel(frame, 100, 153, 0, 0, 0, "left of the line");
        // The same line turned a quarter (transform.rotate) and moved right 0.15 of the width: x 208, y 40..140.
        assertPixel(frame, 208, 60, 255, 255, 255, "the turned line");
        assertPixel(frame, 220, 60, 0, 0, 0, "right of the turned line");
        // The SVG's 40x40 yellow circle at the bottom right: centre (300, 160).
        assertPixel(frame, 300, 160, 255, 255, 0, "the SVG circle's centre");
        assertPixel(frame, 282, 142, 0, 0, 0, "the SVG's transparent corner");
    }

    @Test
    void aShapeWithoutItsFigureOrSvgWithADoctypeIsRefusedNamingTheField() {
        ApiResponse shape = submit("""
                {"type": "shape", "shape": "circle", "fill": {"color": "#ffffff"}}""");
        assertThat(shape.status()).isEqualTo(400);
        assertThat(shape.body().path("response").asText())
                .contains("timeline.tracks[0].clips[0].asset.circle is required when shape is circle");
        ApiResponse svg = submit("""
                {"type": "svg", "src": "<!DOCTYPE svg [<!ENTITY x SYSTEM \\"file:///etc/passwd\\">]><svg>&x;</svg>"}""");
        assertThat(svg.status()).isEqualTo(400);
        assertThat(svg.body().path("response").asText())
                .contains("timeline.tracks[0].clips[0].asset.src must not declare a DOCTYPE or entities");
    }

    @Test
    void svgMarkupThatCannotBeDrawnFailsTheRenderNamingTheClip() {
        String id = stack.submit(Environment.V1, edit("""
                {"type": "svg", "src": "<svg xmlns=\\"http://www.w3.org/2000/svg\\" width=\\"10\\"><rect"}"""));
        JsonNode render = stack.awaitFinished(Environment.V1, id).render();
        assertThat(render.path("status").asText()).isEqualTo("failed");
        assertThat(render.path("error").asText()).startsWith(
                "timeline.tracks[0].clips[0].asset could not be drawn: the SVG markup cannot be drawn");
    }

    private static ApiResponse submit(String asset) {
        return stack.api().post("/edit/v1/render", stack.key(Environment.V1), edit(asset));
    }

    private static String edit(String asset) {
        return """
                {"timeline": {"tracks": [{"clips": [{"asset": %s, "start": 0, "length": 1}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}""".formatted(asset);
    }

    private static void assertPixel(Frame frame, int x, int y, int r, int g, int b, String what) {
        assertThat(frame.is(x, y, r, g, b, TOLERANCE)).as("%s: expected (%d,%d,%d), got %s", what, r, g, b,
                frame.describe(x, y)).isTrue();
    }
}
