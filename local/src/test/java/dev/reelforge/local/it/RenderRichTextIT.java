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
 * Rich text read from the pixels of one small, short MP4 (320x180, 3 s): four rich-text clips, each in a 160x90
 * box (the clip's width and height) in one quarter of the frame: a padded background with left-aligned text,
 * a fadeIn, a typewriter, and right-aligned red text.
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
                      "font": {"size": 60, "weight": 700, "color": "#ff0000"},
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
