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
 * A clip's transform (rotate, flip) and its asset's crop, read from the pixels of small PNG renders (320x180) of
 * a picture in four flat quadrants (red top left, green top right, blue bottom left, white bottom right): where
 * each colour lands tells a clockwise turn from an anticlockwise one and a mirror from a turn.
 */
class RenderTransformIT {

    private static final int TOLERANCE = 24;

    private static RenderTestStack stack;
    private static RenderPlayback playback;
    private static String quadrants;
    private static String quadrantsVideo;

    @BeforeAll
    static void startStackAndMedia() {
        stack = RenderTestStack.start();
        playback = stack.playback();
        quadrants = stack.url(stack.media().quadrants("quadrants.png", 320, 180, 0));
        quadrantsVideo = stack.url(stack.media().quadrants("quadrants.mp4", 320, 180, 1));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Frame still(String... tracks) {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [%s]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}
                """.formatted(String.join(",", tracks))).render();
        Path png = stack.download(render.path("url").asText(), "png");
        return playback.frameAt(png, 0);
    }

    private static String track(String type, String src, String assetMore, String clipMore) {
        return "{\"clips\": [{\"asset\": {\"type\": \"" + type + "\", \"src\": \"" + src + "\"" + assetMore
                + "}, \"start\": 0, \"length\": 1, " + clipMore + "}]}";
    }

    private static void assertPixel(Frame frame, int x, int y, int r, int g, int b, String what) {
        assertThat(frame.is(x, y, r, g, b, TOLERANCE)).as("%s at (%d,%d): expected (%d,%d,%d), got %s", what, x, y,
                r, g, b, frame.describe(x, y)).isTrue();
    }

    @Test
    void aPositiveAngleTurnsThePictureClockwiseAboutItsCentreLeavingTheCornersClear() {
        // The 320x180 picture turned a quarter is 180x320 about the same centre, moved 32 pixels right by the offset:
        // it spans x 102..282 and overflows the frame above and below.
        Frame frame = still(track("image", quadrants, "", "\"offset\": {\"x\": 0.1}, "
                + "\"transform\": {\"rotate\": {\"angle\": 90}}"));

        assertPixel(frame, 130, 40, 0, 0, 255, "blue (was bottom left) now top left");
        assertPixel(frame, 250, 40, 255, 0, 0, "red (was top left) now top right");
        assertPixel(frame, 250, 150, 0, 255, 0, "green (was top right) now bottom right");
        assertPixel(frame, 130, 150, 255, 255, 255, "white (was bottom right) now bottom left");
        assertPixel(frame, 60, 90, 0, 0, 0, "the background left of the turned picture");
        assertPixel(frame, 300, 90, 0, 0, 0, "the background right of the turned picture");
    }

    @Test
    void flipMirrorsThePlacedPictureAndCropCutsTheAssetBeforeItIsFitted() {
        Frame frame = still(
                // Flipped both ways, in the top-left quarter moved a quarter of the frame right: x 80..240, y 0..90.
                track("image", quadrants, "", "\"scale\": 0.5, \"position\": \"topLeft\", \"offset\": {\"x\": 0.25}, "
                        + "\"transform\": {\"flip\": {\"horizontal\": true, \"vertical\": true}}"),
                // The video's right half (green over white, 160x180) contained in the bottom-right quarter: 80x90.
                track("video", quadrantsVideo, ", \"crop\": {\"left\": 0.5}", "\"scale\": 0.5, \"fit\": \"contain\", "
                        + "\"position\": \"bottomRight\""),
                // The image's bottom half (blue beside white, 320x90) contained in the bottom-left quarter: 160x45.
                track("image", quadrants, ", \"crop\": {\"top\": 0.5}", "\"scale\": 0.5, \"fit\": \"contain\", "
                        + "\"position\": \"bottomLeft\""));

        assertPixel(frame, 120, 22, 255, 255, 255, "flipped: white now top left");
        assertPixel(frame, 200, 22, 0, 0, 255, "flipped: blue now top right");
        assertPixel(frame, 120, 67, 0, 255, 0, "flipped: green now bottom left");
        assertPixel(frame, 200, 67, 255, 0, 0, "flipped: red now bottom right");
        assertPixel(frame, 40, 45, 0, 0, 0, "the background left of the flipped picture");

        assertPixel(frame, 280, 112, 0, 255, 0, "cropped video: green on top");
        assertPixel(frame, 280, 160, 255, 255, 255, "cropped video: white below");
        assertPixel(frame, 200, 135, 0, 0, 0, "the background beside the contained video");

        assertPixel(frame, 40, 160, 0, 0, 255, "cropped image: blue on the left");
        assertPixel(frame, 120, 160, 255, 255, 255, "cropped image: white on the right");
        assertPixel(frame, 80, 110, 0, 0, 0, "the background above the contained image");
    }
}
