package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.local.it.RenderPlayback.Frame;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tweened clip properties read from the pixels of one small, short MP4 (320x180, 4 s): a bezier offset moves a
 * red image along the top, a linear opacity brings in a white one at the bottom; and the levels of a short MP3
 * whose tone's volume is tweened.
 */
class RenderTweensIT {

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
    void tweenedOffsetAndOpacityFollowTheirEasingFrameByFrame() {
        String red = stack.url(stack.media().image("red.png", "0xFF0000", 320, 180));
        String white = stack.url(stack.media().image("white.png", "0xFFFFFF", 320, 180));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [
                  {"clips": [{"asset": {"type": "image", "src": "%s"}, "start": 0, "length": 4, "scale": 0.25,
                    "offset": {"x": [{"from": -0.3, "to": 0.3, "start": 0, "length": 2,
                                      "interpolation": "bezier"}], "y": 0.25}}]},
                  {"clips": [{"asset": {"type": "image", "src": "%s"}, "start": 0, "length": 4, "scale": 0.25,
                    "offset": {"y": -0.25},
                    "opacity": [{"from": 0, "to": 1, "start": 1, "length": 2,
                                 "interpolation": "linear"}]}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(red, white)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        // The red image is 80x45 centred at y 45; its centre x is 160 + 320 * offset.x: -0.3 (x 64) at 0 s;
        // a bezier tween eases with CSS "ease", 80% of the way halfway: 0.18 (x 218) at 1 s; 0.3 (x 256) from 2 s.
        Frame start = playback.frameAt(mp4, 0);
        Frame halfway = playback.frameAt(mp4, 1);
        Frame after = playback.frameAt(mp4, 3);
        assertPixel(start, 64, 45, 255, 0, 0, "0 s: the red image's centre");
        assertPixel(start, 150, 45, 0, 0, 0, "0 s: right of the red image");
        assertPixel(halfway, 218, 45, 255, 0, 0, "1 s: eased, 80% of the way");
        assertPixel(halfway, 160, 45, 0, 0, 0, "1 s: where a linear tween would be");
        assertPixel(after, 256, 45, 255, 0, 0, "3 s: the tween's end, held");
        assertPixel(after, 160, 45, 0, 0, 0, "3 s: left of the red image");

        // The white image (centred at y 135) holds its first from (0) until its tween starts at 1 s; a linear
        // tween is half opaque halfway (2 s); fully opaque from 3 s.
        assertThat(playback.frameAt(mp4, 0.5).meanLuma(130, 120, 190, 150)).as("opacity at 0.5 s").isLessThan(20);
        assertThat(playback.frameAt(mp4, 2).meanLuma(130, 120, 190, 150)).as("opacity at 2 s")
                .isBetween(128 - 25.0, 128 + 25.0);
        assertThat(playback.frameAt(mp4, 3.5).meanLuma(130, 120, 190, 150)).as("opacity at 3.5 s")
                .isGreaterThan(235);
    }

    private static void assertPixel(Frame frame, int x, int y, int r, int g, int b, String what) {
        assertThat(frame.is(x, y, r, g, b, TOLERANCE)).as("%s: expected (%d,%d,%d), got %s", what, r, g, b,
                frame.describe(x, y)).isTrue();
    }

    @Test
    void aTweenedVolumeHoldsThenFadesLinearlyThenHoldsItsTo() {
        String tone = stack.url(stack.media().tone("tone.mp3", 440, 3));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "audio", "src": "%s",
                   "volume": [{"from": 1, "to": 0.1, "start": 1, "length": 1, "interpolation": "linear"}]},
                   "start": 0, "length": 3}]}]},
                 "output": {"format": "mp3"}}
                """.formatted(tone)).render();
        Path mp3 = stack.download(render.path("url").asText(), "mp3");

        // 1 until 1 s, 0.55 (-5.2 dB) at 1.5 s, 0.1 (-20 dB) from 2 s
        double before = playback.meanVolume(mp3, 0.2, 0.8);
        double halfway = playback.meanVolume(mp3, 1.45, 1.55);
        double after = playback.meanVolume(mp3, 2.2, 2.8);
        assertThat(halfway - before).as("dB at 1.5 s against the start").isCloseTo(-5.2, within(1.5));
        assertThat(after - before).as("dB from 2 s against the start").isCloseTo(-20, within(1.5));
    }

    @Test
    void aTitlesOwnTweenedOffsetMovesItAcrossFrameByFrame() {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [{"clips": [
                   {"asset": {"type": "title", "text": "HI", "style": "minimal", "color": "#ffffff",
                              "offset": {"x": [{"from": -0.25, "to": 0.25, "start": 0, "length": 2}]}},
                    "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        // offset -0.125 of the width at 0.5 s (centred at x 120), 0.125 at 1.5 s (x 200)
        assertThat(middleOfBright(playback.frameAt(mp4, 0.5))).as("0.5 s").isCloseTo(120, within(8.0));
        assertThat(middleOfBright(playback.frameAt(mp4, 1.5))).as("1.5 s").isCloseTo(200, within(8.0));
    }

    /** The mean column of the pixels brighter than mid-grey. */
    private static double middleOfBright(Frame frame) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                if (frame.red(x, y) + frame.green(x, y) + frame.blue(x, y) > 3 * 128) {
                    sum += x;
                    count++;
                }
            }
        }
        assertThat(count).as("bright pixels").isGreaterThan(20);
        return sum / count;
    }

    @Test
    void aPausedAudioClipIsSilenceForItsLengthAndTheNextClipPlaysAtItsTime() {
        String tone = stack.url(stack.media().tone("paused-tone.mp3", 440, 3));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"tracks": [{"clips": [
                   {"asset": {"type": "audio", "src": "%s", "trim": 1, "speed": 0}, "start": 0, "length": 2},
                   {"asset": {"type": "audio", "src": "%s"}, "start": 2, "length": 1}]}]},
                 "output": {"format": "mp3"}}
                """.formatted(tone, tone)).render();
        Path mp3 = stack.download(render.path("url").asText(), "mp3");

        // paused: no sound for its 2 s, as a paused video is a still; the tone after it at its own time
        assertThat(playback.meanVolume(mp3, 0.2, 1.8)).as("dB while paused").isLessThan(-80);
        assertThat(playback.meanVolume(mp3, 2.2, 2.8)).as("dB of the next clip").isGreaterThan(-30);
    }
}
