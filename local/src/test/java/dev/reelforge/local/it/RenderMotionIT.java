package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.local.it.RenderPlayback.Frame;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Moving and turning layers read from the pixels of small, short MP4s (320x180): shuffle transitions, skew,
 * tweened rotation and scale, transforms and tweens on text.
 */
class RenderMotionIT {

    private static final int TOLERANCE = 60;
    /** Pixels kept clear of a shape's edges, where the encoder blurs colours. */
    private static final double MARGIN = 8;

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
    void aShuffleTurnsTheLayerInFromBeyondItsCornerAndOutThroughAnother() {
        String red = stack.url(stack.media().image("red.png", "0xFF0000", 320, 180));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [{"asset": {"type": "image", "src": "%s"}, "start": 0, "length": 3, "scale": 0.5,
                    "transition": {"in": "shuffleTopRight", "out": "shuffleLeftBottom"}}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(red)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        // The red image is 160x90 centred at (160, 90); fully out it is turned a quarter turn and moved beyond
        // the frame's named edge by the frame and half its diagonal (184), and half the frame towards the end.
        double diagonal = Math.hypot(160, 90);
        // shuffleTopRight in (0-1 s): from (160 + 160, 90 - 180 - 92), turned a quarter turn counter-clockwise,
        // linearly; at 0.6 s 40% of that is left (times on frame boundaries: 25 fps).
        double in = 0.4;
        assertRectangle(playback.frameAt(mp4, 0.6), 160 + 160 * in, 90 - (180 + diagonal / 2) * in, -90 * in,
                "0.6 s, in");
        // In place and straight between the transitions.
        assertRectangle(playback.frameAt(mp4, 1.6), 160, 90, 0, "1.6 s, in place");
        // shuffleLeftBottom out (2-3 s): towards (160 - 320 - 92, 90 + 90), turning clockwise; 20% there at 2.2 s.
        double out = 0.2;
        assertRectangle(playback.frameAt(mp4, 2.2), 160 - (320 + diagonal / 2) * out, 90 + 90 * out, 90 * out,
                "2.2 s, out");
    }

    @Test
    void aSkewShearsThePictureAboutItsCentreByFractionsOfTheFrame() {
        String red = stack.url(stack.media().image("red.png", "0xFF0000", 320, 180));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#0000FF", "tracks": [
                  {"clips": [{"asset": {"type": "image", "src": "%1$s"}, "start": 0, "length": 1, "scale": 0.5,
                              "transform": {"skew": {"x": 0.1}}},
                             {"asset": {"type": "image", "src": "%1$s"}, "start": 1, "length": 1, "scale": 0.5,
                              "transform": {"skew": {"y": 0.25}}}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(red)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        // The 160x90 image spans x 80-240, y 45-135, on blue (what the skew uncovers shows the background).
        // skew.x 0.1: the bottom edge 32 pixels (0.1 of the width) right of the top edge: a row 35 below the
        // centre moves 12.4 right, one 35 above it 12.4 left.
        Frame skewX = playback.frameAt(mp4, 0.5);
        assertPixel(skewX, 74, 55, 255, 0, 0, "skew x: above the centre, moved left past the left edge");
        assertPixel(skewX, 86, 125, 0, 0, 255, "skew x: below the centre, the left edge moved right");
        assertPixel(skewX, 246, 125, 255, 0, 0, "skew x: below the centre, moved right past the right edge");
        assertPixel(skewX, 234, 55, 0, 0, 255, "skew x: above the centre, the right edge moved left");
        // skew.y 0.25: the right edge 45 pixels (0.25 of the height) below the left edge: a column 70 right of
        // the centre moves 19.7 down, one 70 left of it 19.7 up.
        Frame skewY = playback.frameAt(mp4, 1.5);
        assertPixel(skewY, 230, 145, 255, 0, 0, "skew y: right of the centre, moved down past the bottom");
        assertPixel(skewY, 230, 55, 0, 0, 255, "skew y: right of the centre, the top edge moved down");
        assertPixel(skewY, 90, 35, 255, 0, 0, "skew y: left of the centre, moved up past the top");
        assertPixel(skewY, 90, 125, 0, 0, 255, "skew y: left of the centre, the bottom edge moved up");
    }

    @Test
    void aTweenedSkewShearsThePictureFrameByFrameAsItsTweensSay() {
        String red = stack.url(stack.media().image("red.png", "0xFF0000", 320, 180));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#0000FF", "tracks": [
                  {"clips": [{"asset": {"type": "image", "src": "%1$s"}, "start": 0, "length": 2, "scale": 0.5,
                              "transform": {"skew": {"x": [{"from": 0, "to": 0.2, "start": 0, "length": 2}]}}},
                             {"asset": {"type": "image", "src": "%1$s"}, "start": 2, "length": 2, "scale": 0.5,
                              "transform": {"skew": {"y": [{"from": 0.5, "to": 0, "start": 0, "length": 1,
                                                            "interpolation": "bezier", "easing": "easeIn"}]}}}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(red)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        // The 160x90 image spans x 80-240, y 45-135 on blue. skew.x tweens 0 to 0.2 over 2 s: not sheared at the
        // start, 0.1 at 1 s (the bottom edge 32 pixels right of the top edge, as the fixed skew's test).
        Frame unsheared = playback.frameAt(mp4, 0);
        assertPixel(unsheared, 74, 55, 0, 0, 255, "skew x at 0 s: nothing past the left edge");
        assertPixel(unsheared, 86, 125, 255, 0, 0, "skew x at 0 s: the left edge in place below the centre");
        Frame halfway = playback.frameAt(mp4, 1);
        assertPixel(halfway, 74, 55, 255, 0, 0, "skew x at 1 s: above the centre, moved left past the left edge");
        assertPixel(halfway, 86, 125, 0, 0, 255, "skew x at 1 s: below the centre, the left edge moved right");
        assertPixel(halfway, 246, 125, 255, 0, 0, "skew x at 1 s: below the centre, moved right past the right edge");
        // skew.y eases in from 0.5 to 0 over the second clip's first second: at 2.48 s easeIn (0.42, 0, 1, 1) is
        // 0.294 of the way (linear would be 0.48), so 0.353 of the height: a column 70 right of the centre 27.8
        // down (linear: 20.5), one 70 left of it 27.8 up; unsheared from 3 s.
        Frame easing = playback.frameAt(mp4, 2.48);
        assertPixel(easing, 230, 157, 255, 0, 0, "skew y at 2.48 s: right of the centre, moved down past the bottom");
        assertPixel(easing, 230, 62, 0, 0, 255, "skew y at 2.48 s: right of the centre, the top edge moved down");
        assertPixel(easing, 90, 23, 255, 0, 0, "skew y at 2.48 s: left of the centre, moved up past the top");
        Frame settled = playback.frameAt(mp4, 3.2);
        assertPixel(settled, 230, 62, 255, 0, 0, "skew y at 3.2 s: the top edge back in place");
        assertPixel(settled, 230, 145, 0, 0, 255, "skew y at 3.2 s: nothing past the bottom");
    }

    @Test
    void tweenedRotationAndScaleTurnAndResizeThePictureFrameByFrame() {
        String red = stack.url(stack.media().image("red.png", "0xFF0000", 320, 180));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [{"asset": {"type": "image", "src": "%1$s"}, "start": 0, "length": 2, "scale": 0.5,
                              "transform": {"rotate": {"angle": [{"from": 0, "to": 90, "start": 0, "length": 2}]}}},
                             {"asset": {"type": "image", "src": "%1$s"}, "start": 2, "length": 2,
                              "scale": [{"from": 0.25, "to": 0.5, "start": 0, "length": 2}]}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(red)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        // The 160x90 image turns linearly from 0 to 90 degrees over its 2 s: 45 at 1 s, about its centre.
        assertRectangle(playback.frameAt(mp4, 0), 160, 90, 0, "0 s, not turned yet");
        assertRectangle(playback.frameAt(mp4, 1), 160, 90, 45, "1 s, turned 45 degrees");
        // The frame from 1.88 s, turned 84.6 degrees, spans 160 cos + 90 sin = 104.7 columns and an antialiased
        // edge; a frame late (82.8 degrees) it would span 109.3.
        int[] upright = litColumns(playback.frameAt(mp4, 1.9));
        assertThat(upright[1] - upright[0] + 1).as("1.9 s: columns of the turned picture").isBetween(104, 108);
        // The second grows from 0.25 to 0.5 of the frame: at 3 s 0.375 (120x67), centred.
        assertRectangle(playback.frameAt(mp4, 2), 160, 90, 80, 45, 0, "2 s, scale 0.25");
        assertRectangle(playback.frameAt(mp4, 3), 160, 90, 120, 67, 0, "3 s, scale 0.375");
    }

    @Test
    void aGifThatRepeatsFalseHasNoLoopExtensionAndPlaysItsFrames() throws Exception {
        String red = stack.url(stack.media().image("red.png", "0xFF0000", 320, 180));
        String edit = """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [{"asset": {"type": "image", "src": "%s"}, "start": 0, "length": 2, "scale": 0.5,
                              "transition": {"in": "carouselLeft"}}]}]},
                 "output": {"format": "gif", "size": {"width": 320, "height": 180}, "fps": 12%s}}
                """;
        Path once = stack.download(stack.render(Environment.V1, edit.formatted(red, ", \"repeat\": false")).render()
                .path("url").asText(), "gif");
        Path looping = stack.download(stack.render(Environment.V1, edit.formatted(red, "")).render()
                .path("url").asText(), "gif");

        byte[] onceBytes = java.nio.file.Files.readAllBytes(once);
        assertThat(new String(onceBytes, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        assertThat(contains(onceBytes, "NETSCAPE2.0")).as("a loop extension in the repeat: false GIF").isFalse();
        assertThat(contains(java.nio.file.Files.readAllBytes(looping), "NETSCAPE2.0"))
                .as("a loop extension in the default GIF").isTrue();
        // It decodes, 2 s of frames: the red image sliding in from the right, then in place.
        assertThat(playback.duration(once)).isCloseTo(2, org.assertj.core.api.Assertions.within(0.2));
        assertPixel(playback.frameAt(once, 0.25), 160, 90, 0, 0, 0, "0.25 s, the carousel still right of centre");
        assertPixel(playback.frameAt(once, 1.5), 160, 90, 255, 0, 0, "1.5 s, in place");
    }

    private static boolean contains(byte[] bytes, String text) {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void textTakesTransformsAndTweensAsPicturesDo() {
        String box = """
                {"type": "text", "text": "x", "width": 160, "height": 60, "font": {"color": "#FF0000", "size": 20},
                 "background": {"color": "#FF0000"}}""";
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [{"asset": %1$s, "start": 0, "length": 1, "transform": {"rotate": {"angle": 90}}},
                             {"asset": %1$s, "start": 1, "length": 1,
                              "offset": {"x": [{"from": -0.25, "to": 0.25, "start": 0, "length": 1}]}}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(box)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        // The text's 160x60 red box, turned a quarter turn about its centre.
        assertRectangle(playback.frameAt(mp4, 0.5), 160, 90, 160, 60, 90, "0.5 s, text turned 90 degrees");
        // Then moved by its tweened offset: -0.25 + 0.5 x 0.2 = -0.15 of the width (48 left) at 1.2 s.
        assertRectangle(playback.frameAt(mp4, 1.2), 160 - 48, 90, 160, 60, 0, "1.2 s, text moving right");
    }

    private static void assertPixel(Frame frame, int x, int y, int r, int g, int b, String what) {
        assertThat(frame.is(x, y, r, g, b, TOLERANCE)).as("%s: expected (%d,%d,%d), got %s", what, r, g, b,
                frame.describe(x, y)).isTrue();
    }

    /** The first and last column with any pixel brighter than dark grey. */
    private static int[] litColumns(Frame frame) {
        int first = -1;
        int last = -1;
        for (int x = 0; x < frame.width(); x++) {
            for (int y = 0; y < frame.height(); y++) {
                if (frame.red(x, y) + frame.green(x, y) + frame.blue(x, y) > 150) {
                    first = first < 0 ? x : first;
                    last = x;
                    break;
                }
            }
        }
        return new int[] {first, last};
    }

    /**
     * Every other pixel of the frame clearly inside a 160x90 (or width x height) rectangle centred at (cx, cy) and turned {@code degrees}
     * clockwise is red, every one clearly outside is black; and some red pixels are clearly outside the rectangle
     * unturned, or it would not be proven turned.
     */
    private static void assertRectangle(Frame frame, double cx, double cy, double degrees, String when) {
        assertRectangle(frame, cx, cy, 160, 90, degrees, when);
    }

    private static void assertRectangle(Frame frame, double cx, double cy, double width, double height,
            double degrees, String when) {
        double halfWidth = width / 2;
        double halfHeight = height / 2;
        double angle = Math.toRadians(degrees);
        int inside = 0;
        int turnedOnly = 0;
        for (int y = 0; y < frame.height(); y += 2) {
            for (int x = 0; x < frame.width(); x += 2) {
                double dx = x - cx;
                double dy = y - cy;
                double u = dx * Math.cos(angle) + dy * Math.sin(angle);
                double v = -dx * Math.sin(angle) + dy * Math.cos(angle);
                if (Math.abs(u) < halfWidth - MARGIN && Math.abs(v) < halfHeight - MARGIN) {
                    inside++;
                    if (Math.abs(dx) > halfWidth + MARGIN || Math.abs(dy) > halfHeight + MARGIN) {
                        turnedOnly++;
                    }
                    assertThat(frame.is(x, y, 255, 0, 0, TOLERANCE)).as("%s: (%d,%d) inside, got %s", when, x, y,
                            frame.describe(x, y)).isTrue();
                } else if (Math.abs(u) > halfWidth + MARGIN || Math.abs(v) > halfHeight + MARGIN) {
                    assertThat(frame.is(x, y, 0, 0, 0, TOLERANCE)).as("%s: (%d,%d) outside, got %s", when, x, y,
                            frame.describe(x, y)).isTrue();
                }
            }
        }
        assertThat(inside).as("%s: pixels of the layer in the frame", when).isGreaterThan(80);
        if (degrees != 0) {
            assertThat(turnedOnly).as("%s: red pixels the unturned layer would not cover", when).isGreaterThan(10);
        }
    }
}
