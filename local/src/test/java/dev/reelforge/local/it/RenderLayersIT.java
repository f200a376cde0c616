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
 * How clips are drawn, read from the pixels of small outputs (320x180): which track is on top, opacity,
 * position and offset, fit, a colour filter, a fade, a transform (rotate, flip) and an asset's crop. Flat colour
 * images make every expected pixel known; four flat quadrants tell a clockwise turn from an anticlockwise one.
 * Stills are PNG renders (composed directly); the fade needs time, so it is an MP4 through MediaConvert.
 */
class RenderLayersIT {

    private static final int TOLERANCE = 20;

    private static RenderTestStack stack;
    private static RenderPlayback playback;
    private static String red;
    private static String blue;
    private static String white;
    private static String orange;
    /** A red image in 4:3, on a 16:9 frame. */
    private static String redFourByThree;
    /** Four flat quadrants (red, green / blue, white), as an image and a video: where each lands tells a turn. */
    private static String quadrants;
    private static String quadrantsVideo;

    @BeforeAll
    static void startStackAndMedia() {
        stack = RenderTestStack.start();
        playback = stack.playback();
        red = stack.url(stack.media().image("red.png", "0xFF0000", 320, 180));
        blue = stack.url(stack.media().image("blue.png", "0x0000FF", 320, 180));
        white = stack.url(stack.media().image("white.png", "0xFFFFFF", 320, 180));
        orange = stack.url(stack.media().image("orange.png", "0xFF8000", 320, 180));
        redFourByThree = stack.url(stack.media().image("red-4x3.png", "0xFF0000", 240, 180));
        quadrants = stack.url(stack.media().quadrants("quadrants.png", 320, 180, 0));
        quadrantsVideo = stack.url(stack.media().quadrants("quadrants.mp4", 320, 180, 1));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** Renders tracks (the JSON of the tracks array's items) over {@code background} as a 320x180 PNG. */
    private static Frame still(String background, String... tracks) {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "%s", "tracks": [%s]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}}}
                """.formatted(background, String.join(",", tracks))).render();
        Path png = stack.download(render.path("url").asText(), "png");
        Frame frame = playback.frameAt(png, 0);
        assertThat(frame.width()).isEqualTo(320);
        assertThat(frame.height()).isEqualTo(180);
        return frame;
    }

    private static String track(String clip) {
        return "{\"clips\": [" + clip + "]}";
    }

    private static String image(String src, String more) {
        return "{\"asset\": {\"type\": \"image\", \"src\": \"" + src + "\"}, \"start\": 0, \"length\": 2"
                + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    /** A track of one clip of a four-quadrant picture (red, green / blue, white) and the clip's fields. */
    private static String quadrantTrack(String type, String src, String assetMore, String clipMore) {
        return "{\"clips\": [{\"asset\": {\"type\": \"" + type + "\", \"src\": \"" + src + "\"" + assetMore
                + "}, \"start\": 0, \"length\": 1, " + clipMore + "}]}";
    }

    private static void assertPixel(Frame frame, int x, int y, int r, int g, int b, String what) {
        assertThat(frame.is(x, y, r, g, b, TOLERANCE)).as("%s: expected (%d,%d,%d), got %s", what, r, g, b,
                frame.describe(x, y)).isTrue();
    }

    @Test
    void theFirstTrackIsDrawnOverTheSecond() {
        Frame frame = still("#000000", track(image(red, "\"scale\": 0.5")), track(image(blue, "")));

        assertPixel(frame, 160, 90, 255, 0, 0, "centre, the half-size red image of the first track");
        assertPixel(frame, 10, 10, 0, 0, 255, "corner, the full-frame blue image of the second track");
        assertPixel(frame, 310, 170, 0, 0, 255, "other corner");
    }

    @Test
    void aClipOnALaterTrackIsHiddenUnderAFullFrameClipOfAnEarlierOne() {
        Frame frame = still("#000000", track(image(blue, "")), track(image(red, "\"scale\": 0.5")));

        assertPixel(frame, 160, 90, 0, 0, 255, "centre, where the red image lies under the blue one");
    }

    @Test
    void halfOpacityBlendsAClipEvenlyWithWhatIsUnderIt() {
        Frame frame = still("#000000", track(image(red, "\"opacity\": 0.5")), track(image(blue, "")));

        assertPixel(frame, 160, 90, 128, 0, 128, "red at half opacity over blue");
        assertPixel(frame, 20, 160, 128, 0, 128, "the same everywhere");
    }

    @Test
    void positionAnchorsTheClipAndOffsetMovesItByFractionsOfTheFrame() {
        Frame topLeft = still("#000000", track(image(red, "\"scale\": 0.25, \"position\": \"topLeft\"")));
        // centred, then moved right by a quarter of the width and down (y is up) by a quarter of the height
        Frame offset = still("#000000", track(image(red, "\"scale\": 0.25, \"offset\": {\"x\": 0.25, \"y\": -0.25}")));

        // a quarter of the frame is 80x45
        assertPixel(topLeft, 5, 5, 255, 0, 0, "top-left anchored: near the corner");
        assertPixel(topLeft, 75, 40, 255, 0, 0, "top-left anchored: near the image's far corner");
        assertPixel(topLeft, 90, 55, 0, 0, 0, "top-left anchored: just past the image");
        assertPixel(topLeft, 160, 90, 0, 0, 0, "top-left anchored: the centre is background");
        assertPixel(offset, 240, 135, 255, 0, 0, "offset: the image's centre at (240, 135)");
        assertPixel(offset, 160, 90, 0, 0, 0, "offset: the frame's centre is background");
        assertPixel(offset, 240, 100, 0, 0, 0, "offset: above the image");
        assertPixel(offset, 190, 135, 0, 0, 0, "offset: left of the image");
    }

    @Test
    void fitContainShowsTheWholeImageWithBarsOfBackgroundBesideIt() {
        Frame contain = still("#0000FF", track(image(redFourByThree, "\"fit\": \"contain\"")));
        Frame crop = still("#0000FF", track(image(redFourByThree, "\"fit\": \"crop\"")));

        // 240x180 fits 320x180 as is: 40-pixel bars on each side
        assertPixel(contain, 160, 90, 255, 0, 0, "contain: centre");
        assertPixel(contain, 45, 90, 255, 0, 0, "contain: just inside the image's left edge");
        assertPixel(contain, 20, 90, 0, 0, 255, "contain: left bar");
        assertPixel(contain, 300, 90, 0, 0, 255, "contain: right bar");
        assertPixel(crop, 20, 90, 255, 0, 0, "crop fills the frame: where contain has a bar");
        assertPixel(crop, 300, 90, 255, 0, 0, "crop fills the frame: where contain has a bar");
    }

    @Test
    void theGreyscaleFilterLeavesNoColour() {
        Frame grey = still("#000000", track(image(orange, "\"filter\": \"greyscale\"")));
        Frame coloured = still("#000000", track(image(orange, "")));

        for (int[] point : new int[][] {{160, 90}, {10, 10}, {300, 170}}) {
            int x = point[0];
            int y = point[1];
            assertThat(Math.abs(grey.red(x, y) - grey.green(x, y))).as("r - g of %s", grey.describe(x, y))
                    .isLessThanOrEqualTo(4);
            assertThat(Math.abs(grey.green(x, y) - grey.blue(x, y))).as("g - b of %s", grey.describe(x, y))
                    .isLessThanOrEqualTo(4);
            assertThat(grey.red(x, y)).as("grey, not black: %s", grey.describe(x, y)).isBetween(60, 230);
        }
        assertPixel(coloured, 160, 90, 255, 128, 0, "the orange without the filter");
    }

    @Test
    void aFadeInIsAboutHalfwayBrightAtItsMidpoint() {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [{"clips": [
                  {"asset": {"type": "image", "src": "%s"}, "start": 0, "length": 3, "transition": {"in": "fade"}}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(white)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        // a fade takes 1 s: black at the start, half at 0.5 s, white from 1 s
        double start = playback.frameAt(mp4, 0).meanLuma(0, 0, 320, 180);
        double midpoint = playback.frameAt(mp4, 0.5).meanLuma(0, 0, 320, 180);
        double after = playback.frameAt(mp4, 2).meanLuma(0, 0, 320, 180);
        assertThat(start).as("brightness of the first frame").isLessThan(20);
        assertThat(midpoint).as("brightness at 0.5 s").isBetween(128 - 25.0, 128 + 25.0);
        assertThat(after).as("brightness at 2 s").isGreaterThan(235);
    }

    /**
     * Carousels (all four ways, in and out), reveal (in and out) and a Slow/Fast pair, in one 9-s render: a white
     * frame on black, read at each transition's midpoint. A carousel moves the picture across the whole frame and
     * a reveal uncovers it by an edge, neither fading: what shows is white, not grey.
     */
    @Test
    void carouselsSlideAcrossTheFrameAndRevealsUncoverItAtTheirMidpoints() {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [{"clips": [
                  {"asset": {"type": "image", "src": "%1$s"}, "start": 0, "length": 2,
                   "transition": {"in": "carouselLeft", "out": "carouselUp"}},
                  {"asset": {"type": "image", "src": "%1$s"}, "start": 2, "length": 2,
                   "transition": {"in": "carouselRight", "out": "carouselDown"}},
                  {"asset": {"type": "image", "src": "%1$s"}, "start": 4, "length": 2,
                   "transition": {"in": "reveal", "out": "reveal"}},
                  {"asset": {"type": "image", "src": "%1$s"}, "start": 6, "length": 3,
                   "transition": {"in": "carouselLeftSlow", "out": "carouselLeftFast"}}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(white)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        assertHalves(playback.frameAt(mp4, 0.5), 240, 90, 80, 90, "carouselLeft in comes from the right");
        assertHalves(playback.frameAt(mp4, 1.5), 160, 45, 160, 135, "carouselUp out leaves by the top");
        assertHalves(playback.frameAt(mp4, 2.5), 80, 90, 240, 90, "carouselRight in comes from the left");
        assertHalves(playback.frameAt(mp4, 3.5), 160, 135, 160, 45, "carouselDown out leaves by the bottom");
        assertHalves(playback.frameAt(mp4, 4.5), 80, 90, 240, 90, "reveal in uncovers from left to right");
        assertHalves(playback.frameAt(mp4, 5.5), 80, 90, 240, 90, "reveal out covers from right to left");
        // Slow takes 2 s (6 to 8), Fast 0.5 s (8.5 to 9): at 7 s half in, at 8.2 s whole, at 8.75 s half out.
        assertHalves(playback.frameAt(mp4, 7), 240, 90, 80, 90, "carouselLeftSlow in, halfway at 1 s");
        assertPixel(playback.frameAt(mp4, 8.2), 300, 90, 255, 255, 255, "carouselLeftFast out, not begun at 8.2 s");
        assertHalves(playback.frameAt(mp4, 8.75), 120, 90, 240, 90, "carouselLeftFast out, halfway at 0.25 s");
    }

    /** White, unfaded, at (wx, wy); black at (bx, by). */
    private static void assertHalves(Frame frame, int wx, int wy, int bx, int by, String what) {
        assertPixel(frame, wx, wy, 255, 255, 255, what + ": the picture");
        assertPixel(frame, bx, by, 0, 0, 0, what + ": the background");
    }

    @Test
    void aPositiveAngleTurnsThePictureClockwiseAboutItsCentreLeavingTheCornersClear() {
        // The 320x180 picture turned a quarter is 180x320 about the same centre, moved 32 pixels right by the offset:
        // it spans x 102..282 and overflows the frame above and below.
        Frame frame = still("#000000", quadrantTrack("image", quadrants, "", "\"offset\": {\"x\": 0.1}, "
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
        Frame frame = still("#000000",
                // Flipped both ways, in the top-left quarter moved a quarter of the frame right: x 80..240, y 0..90.
                quadrantTrack("image", quadrants, "", "\"scale\": 0.5, \"position\": \"topLeft\", \"offset\": {\"x\": 0.25}, "
                        + "\"transform\": {\"flip\": {\"horizontal\": true, \"vertical\": true}}"),
                // The video's right half (green over white, 160x180) contained in the bottom-right quarter: 80x90.
                quadrantTrack("video", quadrantsVideo, ", \"crop\": {\"left\": 0.5}", "\"scale\": 0.5, \"fit\": \"contain\", "
                        + "\"position\": \"bottomRight\""),
                // The image's bottom half (blue beside white, 320x90) contained in the bottom-left quarter: 160x45.
                quadrantTrack("image", quadrants, ", \"crop\": {\"top\": 0.5}", "\"scale\": 0.5, \"fit\": \"contain\", "
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
