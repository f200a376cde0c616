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
 * Luma mattes, chroma keys and paused videos read from the pixels of small, short MP4s (320x180, 2 s), over a
 * blue background so that what a matte or key clears shows blue. The mattes and the keyed video are made here
 * with the stack's ffmpeg.
 */
class RenderMattesIT {

    private static final int TOLERANCE = 30;

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
    void aLumaVideoClearsItsClipWhereWhiteAndKeepsItWhereBlackFrameByFrame() {
        String red = stack.url(stack.media().image("red.png", "0xFF0000", 320, 180));
        // 0-1 s: white on the left fading to black on the right; 1-2 s: the other way round
        String luma = stack.url(stack.media().ffmpeg("gradient-luma.mp4", "-f", "lavfi", "-i",
                "color=c=black:s=320x180:r=25:d=2,format=yuv420p,"
                        + "geq=lum='if(lt(T,1),255*(1-X/W),255*X/W)':cb=128:cr=128",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#0000FF", "tracks": [{"clips": [
                  {"asset": {"type": "luma", "src": "%s"}, "start": 0, "length": 2},
                  {"asset": {"type": "image", "src": "%s"}, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(luma, red)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        Frame first = playback.frameAt(mp4, 0.5);
        assertPixel(first, 8, 90, 0, 0, 255, "0.5 s, left: the matte is white, the clip cleared");
        assertPixel(first, 312, 90, 255, 0, 0, "0.5 s, right: the matte is black, the clip kept");
        assertPixel(first, 160, 90, 128, 0, 128, "0.5 s, middle: mid-grey, half of each");
        Frame second = playback.frameAt(mp4, 1.5);
        assertPixel(second, 8, 90, 255, 0, 0, "1.5 s, left: the matte has turned black");
        assertPixel(second, 312, 90, 0, 0, 255, "1.5 s, right: the matte has turned white");
        assertThat(playback.duration(mp4)).as("duration").isCloseTo(2, within(0.1));
    }

    @Test
    void aLumaImageMasksItsClipOnlyWhileItsClipLasts() {
        String red = stack.url(stack.media().colourVideo("red.mp4", "0xFF0000", 320, 180, 2));
        // white on the left half, black on the right
        String luma = stack.url(stack.media().ffmpeg("half-luma.png", "-f", "lavfi", "-i",
                "color=c=black:s=64x36,drawbox=x=0:y=0:w=32:h=36:color=white:t=fill", "-frames:v", "1"));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#0000FF", "tracks": [{"clips": [
                  {"asset": {"type": "video", "src": "%s"}, "start": 0, "length": 2},
                  {"asset": {"type": "luma", "src": "%s"}, "start": 0.6, "length": 0.8}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(red, luma)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        Frame before = playback.frameAt(mp4, 0.3);
        assertPixel(before, 40, 90, 255, 0, 0, "0.3 s, before the luma: the whole clip");
        Frame during = playback.frameAt(mp4, 1);
        assertPixel(during, 40, 90, 0, 0, 255, "1 s, left: the still matte is white, scaled to the clip");
        assertPixel(during, 280, 90, 255, 0, 0, "1 s, right: the still matte is black");
        Frame after = playback.frameAt(mp4, 1.7);
        assertPixel(after, 40, 90, 255, 0, 0, "1.7 s, after the luma: the whole clip again");
    }

    @Test
    void aLumaMasksTheTextRichTextAndShapeOfItsTrackAsAPictureOfTheirBox() {
        // a wipe: white from the left edge to x = W * t / 2, black beyond it (half and half at 1 s)
        String wipe = stack.url(stack.media().ffmpeg("wipe-luma.mp4", "-f", "lavfi", "-i",
                "color=c=black:s=320x180:r=25:d=2,format=yuv420p,geq=lum='if(lt(X,W*T/2),255,0)':cb=128:cr=128",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#0000FF", "tracks": [
                  {"clips": [
                    {"asset": {"type": "text", "text": "HHHHH", "width": 320, "height": 70,
                       "font": {"size": 48, "color": "#ffffff"}, "background": {"color": "#ff0000"}},
                     "start": 0, "length": 2, "position": "top"},
                    {"asset": {"type": "luma", "src": "%1$s"}, "start": 0, "length": 2}]},
                  {"clips": [
                    {"asset": {"type": "luma", "src": "%1$s"}, "start": 0, "length": 2},
                    {"asset": {"type": "rich-text", "text": "HHHHH",
                       "font": {"size": 48, "weight": 700, "color": "#ffffff"}, "background": {"color": "#00ff00"}},
                     "start": 0, "length": 2, "width": 320, "height": 70, "position": "bottom"}]},
                  {"clips": [
                    {"asset": {"type": "shape", "shape": "rectangle", "fill": {"color": "#ffff00"},
                       "rectangle": {"width": 320, "height": 20}}, "start": 0, "length": 2},
                    {"asset": {"type": "luma", "src": "%1$s"}, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(wipe)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        Frame mid = playback.frameAt(mp4, 1);
        assertPixel(mid, 40, 14, 0, 0, 255, "1 s, text, left: the matte is white, the box cleared to the background");
        assertPixel(mid, 280, 14, 255, 0, 0, "1 s, text, right: the matte is black, the text's background kept");
        assertThat(mid.brightPixels(0, 10, 150, 75, 200)).as("1 s, the text's white letters left of the wipe")
                .isZero();
        assertThat(mid.brightPixels(170, 10, 320, 75, 200)).as("1 s, the text's white letters right of the wipe")
                .isGreaterThan(50);
        assertPixel(mid, 40, 166, 0, 0, 255, "1 s, rich text, left: cleared to the background");
        assertPixel(mid, 280, 166, 0, 255, 0, "1 s, rich text, right: its background kept");
        assertThat(mid.brightPixels(0, 112, 150, 180, 200)).as("1 s, the rich text's letters left of the wipe")
                .isZero();
        assertThat(mid.brightPixels(170, 112, 320, 180, 200)).as("1 s, the rich text's letters right of the wipe")
                .isGreaterThan(50);
        assertPixel(mid, 40, 90, 0, 0, 255, "1 s, shape, left: cleared to the background");
        assertPixel(mid, 280, 90, 255, 255, 0, "1 s, shape, right: kept");
        Frame early = playback.frameAt(mp4, 0.2);
        assertPixel(early, 120, 14, 255, 0, 0, "0.2 s: the wipe has not reached x = 120, the text kept there");
        assertPixel(early, 120, 166, 0, 255, 0, "0.2 s: the wipe has not reached x = 120, the rich text kept there");
        assertPixel(early, 120, 90, 255, 255, 0, "0.2 s: the wipe has not reached x = 120, the shape kept there");
    }

    @Test
    void aChromaKeyClearsItsColourAndKeepsTheRest() {
        String green = stack.url(stack.media().ffmpeg("green-screen.mp4", "-f", "lavfi", "-i",
                "color=c=0x00FF00:s=320x180:r=25:d=1,drawbox=x=120:y=50:w=80:h=80:color=0xFF0000:t=fill",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"));
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#0000FF", "tracks": [{"clips": [
                  {"asset": {"type": "video", "src": "%s",
                     "chromaKey": {"color": "#00FF00", "threshold": 150, "halo": 50}}, "start": 0, "length": 1}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(green)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        Frame frame = playback.frameAt(mp4, 0.5);
        assertPixel(frame, 30, 30, 0, 0, 255, "where the green was");
        assertPixel(frame, 290, 150, 0, 0, 255, "where the green was, the other corner");
        assertPixel(frame, 160, 90, 255, 0, 0, "the red square");
    }

    @Test
    void aPausedVideoShowsItsFrameAtTrimForTheClipsLength() {
        Path source = stack.media().video("pattern.mp4", 320, 180, 3, 440);
        String pattern = stack.url(source);
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"tracks": [{"clips": [
                  {"asset": {"type": "video", "src": "%s", "trim": 1, "speed": 0}, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(pattern)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        assertThat(playback.duration(mp4)).as("duration").isCloseTo(2, within(0.1));
        Frame early = playback.frameAt(mp4, 0.3);
        Frame late = playback.frameAt(mp4, 1.7);
        Frame trimmed = playback.frameAt(source, 1);
        Frame moved = playback.frameAt(source, 2);
        assertThat(trimmed.difference(moved, 0, 0, 320, 180)).as("the pattern moves in the source").isGreaterThan(5);
        assertThat(early.difference(late, 0, 0, 320, 180)).as("0.3 s against 1.7 s").isLessThan(2);
        assertThat(early.difference(trimmed, 0, 0, 320, 180)).as("0.3 s against the source at its trim")
                .isLessThan(4);
    }

    private static void assertPixel(Frame frame, int x, int y, int r, int g, int b, String what) {
        assertThat(frame.is(x, y, r, g, b, TOLERANCE)).as("%s: expected (%d,%d,%d), got %s", what, r, g, b,
                frame.describe(x, y)).isTrue();
    }
}
