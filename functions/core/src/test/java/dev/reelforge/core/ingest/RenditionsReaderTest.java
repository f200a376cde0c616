package dev.reelforge.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.ingest.RenditionEncoder.SourceMedia;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.validation.Violation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenditionsReaderTest {

    private static final SourceMedia FHD_VIDEO = new SourceMedia(true, true, 1920, 1080, 10, 25);
    private static final SourceMedia SILENT_VIDEO = new SourceMedia(true, false, 1920, 1080, 10, 25);
    private static final SourceMedia AUDIO = new SourceMedia(false, true, 0, 0, 10, 0);
    private static final SourceMedia STILL = new SourceMedia(true, false, 800, 600, 0, 0);

    private final RenditionsReader reader = new RenditionsReader();

    private RenditionsReading read(String json) {
        return reader.read(Json.parseTrusted(json));
    }

    private List<RenditionSpec> specs(String json) {
        RenditionsReading reading = read(json);
        assertThat(reading).isInstanceOf(RenditionsReading.Read.class);
        return ((RenditionsReading.Read) reading).renditions();
    }

    private List<String> messages(String json) {
        RenditionsReading reading = read(json);
        assertThat(reading).isInstanceOf(RenditionsReading.Invalid.class);
        return ((RenditionsReading.Invalid) reading).violations().stream().map(Violation::message).toList();
    }

    @Test
    void anEmptyRenditionIsAnMp4OfTheSourceCroppedWithEverythingElseLeftToTheEncoder() {
        assertThat(specs("[{}]")).containsExactly(new RenditionSpec(RenditionFormat.MP4, Optional.empty(),
                RenditionFit.CROP, OptionalInt.empty(), OptionalDouble.empty(), OptionalInt.empty(), Optional.empty()));
    }

    @Test
    void absentOrNullRenditionsAskForNone() {
        assertThat(reader.read(null)).isEqualTo(new RenditionsReading.Read(List.of()));
        assertThat(reader.read(Json.parseTrusted("null"))).isEqualTo(new RenditionsReading.Read(List.of()));
        assertThat(specs("[]")).isEmpty();
    }

    @Test
    void everyFieldIsReadAsGiven() {
        RenditionSpec spec = specs("""
                [{"format": "webm", "size": {"width": 720, "height": 720}, "fit": "contain", "quality": 70,
                  "fps": 23.976, "keyframeInterval": 10, "filename": "my-video_2.small",
                  "fixOffset": false, "fixRotation": false, "speed": {"speed": 1, "preservePitch": true}}]""")
                .getFirst();
        assertThat(spec).isEqualTo(new RenditionSpec(RenditionFormat.WEBM,
                Optional.of(RenditionSize.of(new Size(720, 720))), RenditionFit.CONTAIN, OptionalInt.of(70),
                OptionalDouble.of(23.976), OptionalInt.of(10), Optional.of("my-video_2.small")));
    }

    @ParameterizedTest
    @CsvSource({"preview, 512, 288", "mobile, 640, 360", "sd, 1024, 576", "hd, 1280, 720", "fhd, 1920, 1080"})
    void aResolutionIsItsPresetSize(String resolution, int width, int height) {
        RenditionSpec spec = specs("[{\"resolution\": \"" + resolution + "\"}]").getFirst();
        assertThat(spec.frameFor(FHD_VIDEO)).contains(new Size(width, height));
    }

    @Test
    void aSizeWithOneSideKeepsTheSourcesAspectRatioRoundedToEvenPixels() {
        List<RenditionSpec> specs = specs("[{\"size\": {\"width\": 640}}, {\"size\": {\"height\": 500}}]");
        assertThat(specs.get(0).frameFor(FHD_VIDEO)).contains(new Size(640, 360));
        assertThat(specs.get(1).frameFor(FHD_VIDEO)).contains(new Size(888, 500));
        assertThat(specs.get(1).frameFor(new SourceMedia(true, true, 1080, 1920, 5, 30))).contains(new Size(282, 500));
    }

    @Test
    void sizeAndResolutionTogetherAreRefusedNamingSize() {
        assertThat(messages("[{\"resolution\": \"hd\", \"size\": {\"width\": 640, \"height\": 360}}]"))
                .containsExactly("outputs.renditions[0].size cannot be combined with outputs.renditions[0].resolution;"
                        + " omit one");
    }

    @Test
    void aSizeWithoutSidesIsRefused() {
        assertThat(messages("[{\"size\": {}}]")).containsExactly("outputs.renditions[0].size must have a width, a height or both");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"format\": \"mpeg\"}                 | outputs.renditions[0].format must be one of: mp4, webm, mov, avi, mkv, ogv, wmv, avif, gif, mp3, wav, jpg, png, webp, tif",
            "{\"format\": 4}                        | outputs.renditions[0].format must be one of: mp4, webm, mov, avi, mkv, ogv, wmv, avif, gif, mp3, wav, jpg, png, webp, tif",
            "{\"size\": {\"width\": 641}}            | outputs.renditions[0].size.width must be divisible by 2",
            "{\"size\": {\"width\": 5000}}           | outputs.renditions[0].size.width must be an integer between 1 and 4096",
            "{\"size\": {\"height\": 2.5}}           | outputs.renditions[0].size.height must be an integer between 1 and 4096",
            "{\"size\": {\"height\": 2000}}          | outputs.renditions[0].size.height must be between 32 and 1920 for a video rendition",
            "{\"size\": {\"width\": 16}}             | outputs.renditions[0].size.width must be between 32 and 1920 for a video rendition",
            "{\"size\": {\"depth\": 16}}             | outputs.renditions[0].size.depth is not a known property",
            "{\"size\": \"hd\"}                      | outputs.renditions[0].size must be an object",
            "{\"fit\": \"stretch\"}                  | outputs.renditions[0].fit must be one of: cover, contain, crop",
            "{\"resolution\": \"4k\"}                | outputs.renditions[0].resolution must be one of: preview, mobile, sd, hd, fhd",
            "{\"quality\": 0}                       | outputs.renditions[0].quality must be an integer between 1 and 100",
            "{\"quality\": 101}                     | outputs.renditions[0].quality must be an integer between 1 and 100",
            "{\"quality\": \"high\"}                 | outputs.renditions[0].quality must be an integer between 1 and 100",
            "{\"fps\": 31}                          | outputs.renditions[0].fps must be one of: 12, 15, 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60",
            "{\"keyframeInterval\": 0}              | outputs.renditions[0].keyframeInterval must be an integer between 1 and 300",
            "{\"keyframeInterval\": 301}            | outputs.renditions[0].keyframeInterval must be an integer between 1 and 300",
            "{\"fixOffset\": \"yes\"}                | outputs.renditions[0].fixOffset must be a boolean",
            "{\"fixRotation\": 1}                   | outputs.renditions[0].fixRotation must be a boolean",
            "{\"speed\": {\"speed\": 11}}            | outputs.renditions[0].speed.speed must be a number between 0 and 10",
            "{\"filename\": \"../up\"}               | outputs.renditions[0].filename must be a file name of 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit, without extension",
            "{\"filename\": \"a/b\"}                 | outputs.renditions[0].filename must be a file name of 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit, without extension",
            "{\"filename\": \"\"}                    | outputs.renditions[0].filename must be a file name of 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit, without extension",
            "{\"filename\": \"my video\"}            | outputs.renditions[0].filename must be a file name of 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit, without extension",
            "{\"colour\": \"red\"}                   | outputs.renditions[0].colour is not a known property",
    })
    void aBadValueIsRefusedNamingItsField(String rendition, String message) {
        assertThat(messages("[{\"format\": \"mp4\"}, " + rendition + "]"))
                .containsExactly(message.replace("renditions[0]", "renditions[1]"));
    }

    @Test
    void aFilenameLongerThanTheBoundIsRefused() {
        assertThat(specs("[{\"filename\": \"" + "a".repeat(100) + "\"}]")).hasSize(1);
        assertThat(messages("[{\"filename\": \"" + "a".repeat(101) + "\"}]")).singleElement().asString()
                .startsWith("outputs.renditions[0].filename must be a file name of 1 to 100");
    }

    @ParameterizedTest
    @CsvSource({"avi", "mkv", "ogv", "wmv", "avif", "jpg", "png", "webp", "tif"})
    void aFormatTheEncoderCannotMakeIsRefusedAsNotSupportedYet(String format) {
        assertThat(messages("[{\"format\": \"" + format + "\"}]")).containsExactly("outputs.renditions[0].format is "
                + "not supported yet: " + format + " renditions cannot be made yet (mp4, webm, mov, gif, mp3, wav can)");
    }

    @Test
    void whatCannotBeMadeYetIsRefusedNamingTheField() {
        assertThat(messages("""
                [{"speed": {"speed": 2}, "fixOffset": true, "fixRotation": true, "enhance": {"audio": {}}}]"""))
                .containsExactly("outputs.renditions[0].speed is not supported yet: renditions keep the source's speed",
                        "outputs.renditions[0].fixOffset is not supported yet",
                        "outputs.renditions[0].fixRotation is not supported yet",
                        "outputs.renditions[0].enhance is not supported yet");
    }

    @Test
    void videoSettingsOnAnAudioRenditionAreRefused() {
        assertThat(messages("[{\"format\": \"mp3\", \"resolution\": \"hd\", \"fps\": 25, \"keyframeInterval\": 5}]"))
                .containsExactly("outputs.renditions[0].resolution applies only to a video rendition, not to mp3",
                        "outputs.renditions[0].fps applies only to a video rendition, not to mp3",
                        "outputs.renditions[0].keyframeInterval applies only to a video rendition, not to mp3");
        assertThat(messages("[{\"format\": \"gif\", \"keyframeInterval\": 5}]"))
                .containsExactly("outputs.renditions[0].keyframeInterval applies only to mp4, webm and mov renditions");
    }

    @Test
    void atMostTenRenditionsPerSource() {
        String ten = "[" + "{},".repeat(9) + "{}]";
        assertThat(specs(ten)).hasSize(10);
        assertThat(messages("[" + "{},".repeat(10) + "{}]"))
                .containsExactly("outputs.renditions must have at most 10 items");
    }

    @Test
    void renditionsMustBeAnArrayOfObjects() {
        assertThat(messages("{\"format\": \"mp4\"}")).containsExactly("outputs.renditions must be an array");
        assertThat(messages("[\"mp4\"]")).containsExactly("outputs.renditions[0] must be an object");
    }

    @Test
    void everyRenditionSuitsAVideoWithSound() {
        assertThat(reader.checkAgainst(specs("[{}, {\"format\": \"mp3\"}, {\"format\": \"gif\"}]"), FHD_VIDEO)).isEmpty();
    }

    @Test
    void aFormatOfAnotherKindThanTheSourceIsRefusedNamingFormat() {
        assertThat(reader.checkAgainst(specs("[{\"format\": \"wav\"}]"), SILENT_VIDEO)).extracting(Violation::message)
                .containsExactly("outputs.renditions[0].format cannot be wav for a source without sound");
        assertThat(reader.checkAgainst(specs("[{\"format\": \"mp3\"}, {}]"), AUDIO)).extracting(Violation::message)
                .containsExactly("outputs.renditions[1].format cannot be mp4 for a source without pictures"
                        + " (mp4 when omitted; mp3 or wav can be made)");
        assertThat(reader.checkAgainst(specs("[{\"format\": \"webm\"}]"), STILL)).extracting(Violation::message)
                .containsExactly("outputs.renditions[0].format cannot be webm for a still image"
                        + " (image renditions are not supported yet)");
    }

    @Test
    void aOneSidedSizeWhoseOtherSideFallsOutOfBoundsForTheSourceIsRefused() {
        SourceMedia tall = new SourceMedia(true, true, 540, 1920, 5, 30);
        assertThat(reader.checkAgainst(specs("[{\"size\": {\"width\": 1080}}]"), tall)).extracting(Violation::message)
                .containsExactly("outputs.renditions[0].size gives this 540x1920 source a height of 3840 pixels;"
                        + " it must be between 32 and 1920");
        assertThat(reader.checkAgainst(specs("[{\"size\": {\"width\": 540}}]"), tall)).isEmpty();
    }

    @Test
    void theReaderNeverThrowsOnAnyJsonValue() {
        for (String json : List.of("1", "\"x\"", "true", "{}", "[null]", "[[]]", "[{\"size\": null}]",
                "[{\"speed\": null, \"enhance\": null}]", "[{\"size\": {\"width\": null}}]")) {
            JsonNode node = Json.parseTrusted(json);
            assertThat(reader.read(node)).isNotNull();
        }
    }
}
