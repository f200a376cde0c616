package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.local.it.RenderPlayback.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every output option a user can ask for, rendered on the embedded stack and checked on the file they
 * download: GIF, MP3 and still images, range, mute, fps, aspect ratio, custom size, scaleTo, quality, and
 * the smart clip lengths {@code end} and {@code auto}. Edits are small (320x180 to 640x360, 2 to 4 s).
 */
class RenderFormatsIT {

    private static RenderTestStack stack;
    private static RenderPlayback playback;
    /** A moving test pattern with a 440 Hz tone, 320x180, 3 s. */
    private static String pattern;
    private static String red;
    private static String green;
    private static String blue;
    private static String tone;
    /** A flat navy video without sound, 320x180, 3 s. */
    private static String navy;

    @BeforeAll
    static void startStackAndMedia() {
        stack = RenderTestStack.start();
        playback = stack.playback();
        pattern = stack.url(stack.media().video("pattern.mp4", 320, 180, 3, 440));
        red = stack.url(stack.media().image("red.png", "0xFF0000", 320, 180));
        green = stack.url(stack.media().image("green.png", "0x00FF00", 320, 180));
        blue = stack.url(stack.media().image("blue.png", "0x0000FF", 320, 180));
        tone = stack.url(stack.media().tone("tone.mp3", 660, 3));
        navy = stack.url(stack.media().colourVideo("navy.mp4", "0x203060", 320, 180, 3));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** The test pattern video for {@code seconds}, with the given output. */
    private static String patternEdit(double seconds, String output) {
        return """
                {"timeline": {"tracks": [{"clips": [
                  {"asset": {"type": "video", "src": "%s"}, "start": 0, "length": %s}]}]},
                 "output": %s}
                """.formatted(pattern, seconds, output);
    }

    private static JsonNode render(String edit) {
        return stack.render(Environment.V1, edit).render();
    }

    private static Path output(JsonNode render, String extension) {
        assertThat(render.path("url").asText()).as("url").contains("." + extension + "?");
        return stack.download(render.path("url").asText(), extension);
    }

    private static MediaInfo.VideoStream video(Path file) {
        return playback.probe(file).video().orElseThrow(() -> new AssertionError(file + " has no picture"));
    }

    @Test
    void aGifIsAnAnimatedGifOfTheResolutionsSizeAndFrameRateWithoutSound() {
        JsonNode render = render(patternEdit(2, """
                {"format": "gif", "resolution": "preview"}"""));
        Path gif = output(render, "gif");

        assertThat(RenderPlayback.head(gif, 6)).as("GIF signature").isEqualTo("GIF89a".getBytes());
        assertThat(playback.container(gif)).isEqualTo("gif");
        MediaInfo info = playback.probe(gif);
        assertThat(info.audio()).as("sound in a GIF").isEmpty();
        assertThat(video(gif).codec()).isEqualTo("gif");
        assertThat(video(gif)).extracting("width", "height").containsExactly(512, 288);
        assertThat(playback.frameCount(gif)).as("frames of 2 s at preview's 15 fps").isCloseTo(30, within(1));
        assertThat(playback.duration(gif)).as("duration").isCloseTo(2.0, within(1.0 / 15));
        assertThat(render.path("duration").asDouble()).as("answered duration").isCloseTo(2.0, within(1.0 / 15));
    }

    @Test
    void anMp3IsTheSoundAloneForTheTimelinesLength() {
        JsonNode render = render("""
                {"timeline": {"tracks": [
                  {"clips": [{"asset": {"type": "title", "text": "not heard"}, "start": 0, "length": 2.5}]},
                  {"clips": [{"asset": {"type": "audio", "src": "%s"}, "start": 0, "length": 2.5}]}]},
                 "output": {"format": "mp3"}}
                """.formatted(tone));
        Path mp3 = output(render, "mp3");

        assertThat(playback.container(mp3)).isEqualTo("mp3");
        MediaInfo info = playback.probe(mp3);
        assertThat(info.video()).as("picture in an MP3").isEmpty();
        assertThat(info.audio().orElseThrow().codec()).isEqualTo("mp3");
        assertThat(playback.duration(mp3)).as("duration").isCloseTo(2.5, within(0.1));
        assertThat(render.path("duration").asDouble()).as("answered duration").isCloseTo(2.5, within(0.1));
        assertThat(playback.meanVolume(mp3)).as("mean volume (dB) of the tone").isGreaterThan(-30);
        assertThat(render.has("poster")).as("an MP3 has no poster").isFalse();
    }

    @Test
    void anMp3OfAnEditWithoutSoundIsSilenceOfTheTimelinesLength() {
        JsonNode render = render("""
                {"timeline": {"tracks": [
                  {"clips": [{"asset": {"type": "title", "text": "silent"}, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp3"}}
                """);
        Path mp3 = output(render, "mp3");

        assertThat(playback.probe(mp3).audio().orElseThrow().codec()).isEqualTo("mp3");
        assertThat(playback.duration(mp3)).as("duration").isCloseTo(2.0, within(0.1));
        assertThat(playback.meanVolume(mp3)).as("mean volume (dB)").isLessThan(-80);
    }

    @Test
    void aSandboxStillImageIsWatermarkedLikeASandboxVideo() {
        String edit = """
                {"timeline": {"background": "#203060", "tracks": [{"clips": [
                  {"asset": {"type": "title", "text": "still"}, "start": 0, "length": 2}]}]},
                 "output": {"format": "png", "resolution": "preview"}}
                """;
        Frame sandbox = playback.frameAt(output(stack.render(Environment.STAGE, edit).render(), "png"), 0);
        Frame production = playback.frameAt(output(render(edit), "png"), 0);

        assertThat(sandbox.difference(production, (int) (512 * 0.77), (int) (288 * 0.85), (int) (512 * 0.985),
                (int) (288 * 0.975))).as("bottom-right corner, stage PNG against v1 PNG").isGreaterThan(3);
    }

    /** A red image at half scale in the middle of a blue background, as a still of each image format. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "jpg | \"resolution\": \"preview\"                         | 512 | 288 | FFD8FF",
            "png | \"size\": {\"width\": 320, \"height\": 240}         | 320 | 240 | 89504E47",
            "bmp | \"resolution\": \"mobile\", \"aspectRatio\": \"1:1\" | 360 | 360 | 424D"})
    void aStillImageHasTheAskedSizeAndItsPixelsWhereTheEditPutsThem(String format, String sizing, int width,
            int height, String signature) {
        JsonNode render = render("""
                {"timeline": {"background": "#0000FF", "tracks": [{"clips": [
                  {"asset": {"type": "image", "src": "%s"}, "start": 0, "length": 2, "scale": 0.5}]}]},
                 "output": {"format": "%s", %s}}
                """.formatted(red, format, sizing));
        Path image = output(render, format);

        assertThat(RenderPlayback.head(image, signature.length() / 2)).as("%s signature", format)
                .isEqualTo(java.util.HexFormat.of().parseHex(signature));
        assertThat(video(image)).extracting("width", "height").containsExactly(width, height);
        Frame frame = playback.frameAt(image, 0);
        assertThat(frame.isAt(0.5, 0.5, 255, 0, 0, 24)).as("centre: " + frame.describeAt(0.5, 0.5)).isTrue();
        assertThat(frame.isAt(0.05, 0.05, 0, 0, 255, 24)).as("corner: " + frame.describeAt(0.05, 0.05)).isTrue();
        assertThat(frame.isAt(0.95, 0.9, 0, 0, 255, 24)).as("corner: " + frame.describeAt(0.95, 0.9)).isTrue();
    }

    @Test
    void aRangeRendersOnlyThatPartOfTheTimeline() {
        // red 0-1 s, green 1-2 s, blue 2-4 s; the range is 1 s to 3 s
        JsonNode render = render("""
                {"timeline": {"tracks": [{"clips": [
                  {"asset": {"type": "image", "src": "%s"}, "start": 0, "length": 1},
                  {"asset": {"type": "image", "src": "%s"}, "start": "auto", "length": 1},
                  {"asset": {"type": "image", "src": "%s"}, "start": "auto", "length": 2}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}, "range": {"start": 1, "length": 2}}}
                """.formatted(red, green, blue));
        Path mp4 = output(render, "mp4");

        assertThat(render.path("duration").asDouble()).as("answered duration").isCloseTo(2.0, within(0.04));
        assertThat(playback.frameCount(mp4)).as("frames of 2 s at 25 fps").isEqualTo(50);
        Frame first = playback.frameAt(mp4, 0);
        Frame later = playback.frameAt(mp4, 1.5);
        assertThat(first.isAt(0.5, 0.5, 0, 255, 0, 24)).as("first frame is the green clip: " + first.describeAt(0.5, 0.5))
                .isTrue();
        assertThat(later.isAt(0.5, 0.5, 0, 0, 255, 24)).as("1.5 s in is the blue clip: " + later.describeAt(0.5, 0.5))
                .isTrue();
    }

    @Test
    void aMutedRenderHasNoAudioTrack() {
        JsonNode render = render(patternEdit(2, """
                {"format": "mp4", "size": {"width": 320, "height": 180}, "mute": true}"""));
        Path mp4 = output(render, "mp4");

        MediaInfo info = playback.probe(mp4);
        assertThat(info.video()).isPresent();
        assertThat(info.audio()).as("audio of a muted render").isEmpty();
    }

    @Test
    void fps30GivesThirtyFramesEachSecondAndKeepsTheSound() {
        JsonNode render = render(patternEdit(2, """
                {"format": "mp4", "size": {"width": 320, "height": 180}, "fps": 30}"""));
        Path mp4 = output(render, "mp4");

        assertThat(video(mp4).fps()).isEqualTo(30);
        assertThat(playback.frameCount(mp4)).as("frames of 2 s at 30 fps").isEqualTo(60);
        assertThat(playback.probe(mp4).audio()).as("the clip's tone").isPresent();
    }

    @Test
    void aspectRatio916SwapsTheResolutionsSides() {
        JsonNode render = render(patternEdit(2, """
                {"format": "mp4", "resolution": "preview", "aspectRatio": "9:16"}"""));
        Path mp4 = output(render, "mp4");

        assertThat(video(mp4)).extracting("width", "height", "fps").containsExactly(288, 512, 15.0);
    }

    @Test
    void aCustomSizeIsTheVideosSize() {
        JsonNode render = render(patternEdit(2, """
                {"format": "mp4", "size": {"width": 400, "height": 240}}"""));
        Path mp4 = output(render, "mp4");

        assertThat(video(mp4)).extracting("width", "height").containsExactly(400, 240);
    }

    @Test
    void scaleToDeliversTheVideoPosterAndThumbnailAtTheSmallerSize() {
        JsonNode render = render(patternEdit(2, """
                {"format": "mp4", "resolution": "mobile", "scaleTo": "preview", "poster": {"capture": 0.5},
                 "thumbnail": {"capture": 0.5, "scale": 0.5}}"""));
        Path mp4 = output(render, "mp4");

        assertThat(video(mp4)).extracting("width", "height", "fps").containsExactly(512, 288, 25.0);
        assertThat(video(stack.download(render.path("poster").asText(), "jpg"))).extracting("width", "height")
                .containsExactly(512, 288);
        assertThat(video(stack.download(render.path("thumbnail").asText(), "jpg"))).extracting("width", "height")
                .containsExactly(256, 144);
    }

    @Test
    void veryhighQualityMakesALargerFileThanVerylow() throws IOException {
        String high = stack.submit(Environment.V1, patternEdit(3, """
                {"format": "mp4", "resolution": "mobile", "quality": "veryhigh"}"""));
        String low = stack.submit(Environment.V1, patternEdit(3, """
                {"format": "mp4", "resolution": "mobile", "quality": "verylow"}"""));
        long highBytes = Files.size(output(stack.awaitFinished(Environment.V1, high).assertDone().render(), "mp4"));
        long lowBytes = Files.size(output(stack.awaitFinished(Environment.V1, low).assertDone().render(), "mp4"));

        assertThat(highBytes).as("veryhigh bytes against verylow's %d", lowBytes).isGreaterThan(lowBytes * 13 / 10);
    }

    @Test
    void lengthEndLastsToTheTimelinesEndAndLengthAutoIsTheSourcesLength() {
        // the navy video is 3 s long; the title starts at 1 s and lasts to the end
        JsonNode render = render("""
                {"timeline": {"tracks": [
                  {"clips": [{"asset": {"type": "title", "text": "To the end", "size": "large"}, "start": 1,
                              "length": "end"}]},
                  {"clips": [{"asset": {"type": "video", "src": "%s"}, "start": 0, "length": "auto"}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(navy));
        Path mp4 = output(render, "mp4");

        assertThat(render.path("duration").asDouble()).as("answered duration").isCloseTo(3.0, within(0.04));
        assertThat(playback.frameCount(mp4)).as("frames of 3 s at 25 fps").isEqualTo(75);
        Frame before = playback.frameAt(mp4, 0.5);
        Frame last = playback.frameAt(mp4, 2.95);
        assertThat(before.brightPixels(0, 0, 320, 180, 200)).as("title pixels at 0.5 s").isZero();
        assertThat(last.brightPixels(0, 0, 320, 180, 200)).as("title pixels in the last frame").isGreaterThan(100);
    }
}
