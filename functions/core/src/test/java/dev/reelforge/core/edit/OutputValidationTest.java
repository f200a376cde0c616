package dev.reelforge.core.edit;

import static dev.reelforge.core.edit.EditJson.editWithDestination;
import static dev.reelforge.core.edit.EditJson.editWithOutput;
import static dev.reelforge.core.edit.EditJson.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The output block: format, dimensions, frame rate, range, poster, thumbnail and destinations. */
class OutputValidationTest {

    @Test
    void requiresAFormat() {
        assertThat(violationsOf(editWithOutput("{ \"resolution\": \"hd\" }"))).containsExactly("output.format is required");
    }

    @Test
    void rejectsAnUnknownOutputFormat() {
        assertThat(violationsOf(editWithOutput("{ \"format\": \"mov\" }")))
                .containsExactly("output.format must be one of: mp4, gif, mp3, jpg, png, bmp");
    }

    @Test
    void rejectsAnOutputThatIsNotAnObject() {
        assertThat(violationsOf(editWithOutput("\"mp4\""))).containsExactly("output must be an object");
    }

    @ParameterizedTest
    @ValueSource(strings = { "12", "15", "23.976", "24", "25", "29.97", "30", "48", "50", "59.94", "60", "25.0" })
    void acceptsEveryListedFrameRate(String fps) {
        assertThat(violationsOf(editWithOutput("{ \"format\": \"mp4\", \"fps\": " + fps + " }"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "26", "23.97", "0", "\"25\"" })
    void rejectsAFrameRateThatIsNotListed(String fps) {
        assertThat(violationsOf(editWithOutput("{ \"format\": \"mp4\", \"fps\": " + fps + " }")))
                .containsExactly("output.fps must be one of: 12, 15, 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60");
    }

    static Stream<Arguments> invalidOutputs() {
        return Stream.of(
                arguments("\"resolution\": \"720\"", "output.resolution must be one of: preview, mobile, sd, hd, 1080, 4k"),
                arguments("\"resolution\": 1080", "output.resolution must be one of: preview, mobile, sd, hd, 1080, 4k"),
                arguments("\"aspectRatio\": \"21:9\"", "output.aspectRatio must be one of: 16:9, 9:16, 1:1, 4:5, 4:3"),
                arguments("\"scaleTo\": \"4k\"", "output.scaleTo must be one of: preview, mobile, sd, hd, 1080"),
                arguments("\"quality\": \"best\"", "output.quality must be one of: verylow, low, medium, high, veryhigh"),
                arguments("\"repeat\": \"true\"", "output.repeat must be a boolean"),
                arguments("\"mute\": 1", "output.mute must be a boolean"),
                arguments("\"size\": { \"width\": 1281 }", "output.size.width must be divisible by 2"),
                arguments("\"size\": { \"height\": 721 }", "output.size.height must be divisible by 2"),
                arguments("\"size\": { \"width\": 0 }", "output.size.width must be an integer between 1 and 4096"),
                arguments("\"size\": { \"width\": 4098 }", "output.size.width must be an integer between 1 and 4096"),
                arguments("\"size\": { \"height\": 720.5 }", "output.size.height must be an integer between 1 and 4096"),
                arguments("\"size\": { \"depth\": 2 }", "output.size.depth is not a known property"),
                arguments("\"range\": { \"start\": -1 }", "output.range.start must be a number greater than or equal to 0"),
                arguments("\"range\": { \"length\": 0 }", "output.range.length must be a number greater than 0"),
                arguments("\"poster\": {}", "output.poster.capture is required"),
                arguments("\"poster\": { \"capture\": -1 }",
                        "output.poster.capture must be a number greater than or equal to 0"),
                arguments("\"thumbnail\": { \"capture\": 1 }", "output.thumbnail.scale is required"),
                arguments("\"thumbnail\": { \"capture\": 1, \"scale\": 1.5 }",
                        "output.thumbnail.scale must be a number between 0 and 1"),
                arguments("\"thumbnail\": { \"capture\": \"1s\", \"scale\": 0.5 }",
                        "output.thumbnail.capture must be a number greater than or equal to 0"),
                arguments("\"destinations\": {}", "output.destinations must be an array"),
                arguments("\"bitrate\": 5000", "output.bitrate is not a known property"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidOutputs")
    void rejectsAnInvalidOutputPropertyNamingItsPath(String properties, String message) {
        assertThat(violationsOf(editWithOutput("{ \"format\": \"mp4\", " + properties + " }")))
                .containsExactly(message);
    }

    @Test
    void rejectsASizeCombinedWithAResolution() {
        assertThat(violationsOf(editWithOutput("""
                { "format": "mp4", "resolution": "hd", "size": { "width": 1280, "height": 720 } }
                """))).containsExactly("output.size cannot be combined with output.resolution; omit one");
    }

    @Test
    void rejectsASizeCombinedWithAnAspectRatio() {
        assertThat(violationsOf(editWithOutput("""
                { "format": "mp4", "aspectRatio": "1:1", "size": { "width": 1080, "height": 1080 } }
                """))).containsExactly("output.aspectRatio cannot be combined with output.size; omit one");
    }

    @Test
    void reportsOnlyTheResolutionConflictWhenSizeResolutionAndAspectRatioAreAllSet() {
        assertThat(violationsOf(editWithOutput("""
                { "format": "mp4", "resolution": "hd", "aspectRatio": "1:1", "size": { "width": 2 } }
                """))).containsExactly("output.size cannot be combined with output.resolution; omit one");
    }

    @Test
    void acceptsAResolutionWithAnAspectRatio() {
        assertThat(violationsOf(editWithOutput("""
                { "format": "mp4", "resolution": "mobile", "aspectRatio": "4:5" }
                """))).isEmpty();
    }

    @Test
    void treatsANullResolutionAsAbsentWhenASizeIsGiven() {
        assertThat(violationsOf(editWithOutput("""
                { "format": "mp4", "resolution": null, "aspectRatio": null, "size": { "width": 1920 } }
                """))).isEmpty();
    }

    @Test
    void reportsAnInvalidSizeRatherThanTheConflictItIsPartOf() {
        assertThat(violationsOf(editWithOutput("""
                { "format": "mp4", "resolution": "hd", "size": { "width": 3 } }
                """))).containsExactly("output.size.width must be divisible by 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{ \"provider\": \"shotstack\" }",
        "{ \"provider\": \"mux\" }",
        "{ \"provider\": \"s3\" }",
        "{ \"provider\": \"google-cloud-storage\" }",
        "{ \"provider\": \"google-drive\", \"options\": { \"folderId\": \"abc\" } }",
        "{ \"provider\": \"vimeo\" }",
    })
    void acceptsTheSmallestDestinationOfEachProvider(String destination) {
        assertThat(violationsOf(editWithDestination(destination))).isEmpty();
    }

    static Stream<Arguments> invalidDestinations() {
        String providers = "shotstack, mux, s3, google-cloud-storage, google-drive, vimeo";
        return Stream.of(
                arguments("{ \"provider\": \"youtube\" }", ".provider must be one of: " + providers),
                arguments("{ \"provider\": \"googledrive\" }", ".provider must be one of: " + providers),
                arguments("{}", ".provider is required"),
                arguments("\"s3\"", " must be an object"),
                arguments("{ \"provider\": \"shotstack\", \"exclude\": \"yes\" }", ".exclude must be a boolean"),
                arguments("{ \"provider\": \"shotstack\", \"options\": {} }", ".options is not a known property"),
                arguments("{ \"provider\": \"mux\", \"options\": { \"playbackPolicy\": [ \"private\" ] } }",
                        ".options.playbackPolicy[0] must be one of: public, signed"),
                arguments("{ \"provider\": \"mux\", \"options\": { \"playbackPolicy\": \"public\" } }",
                        ".options.playbackPolicy must be an array"),
                arguments("{ \"provider\": \"mux\", \"options\": { \"passthrough\": \"" + "p".repeat(256) + "\" } }",
                        ".options.passthrough must be at most 255 characters long"),
                arguments("{ \"provider\": \"s3\", \"options\": { \"region\": \"us-east-1\" } }",
                        ".options.bucket is required"),
                arguments("{ \"provider\": \"s3\", \"options\": { \"bucket\": \"b\" } }",
                        ".options.region is required"),
                arguments("{ \"provider\": \"s3\", \"options\": { \"region\": \"r\", \"bucket\": \"b\", \"acl\": 1 } }",
                        ".options.acl must be a string"),
                arguments("{ \"provider\": \"google-cloud-storage\", \"options\": { \"prefix\": \"p\" } }",
                        ".options.bucket is required"),
                arguments("{ \"provider\": \"google-cloud-storage\", \"options\": { \"bucket\": \"b\", \"acl\": \"x\" } }",
                        ".options.acl is not a known property"),
                arguments("{ \"provider\": \"google-drive\" }", ".options is required"),
                arguments("{ \"provider\": \"google-drive\", \"options\": { \"filename\": \"f\" } }",
                        ".options.folderId is required"),
                arguments("{ \"provider\": \"vimeo\", \"options\": { \"privacy\": { \"view\": \"everyone\" } } }",
                        ".options.privacy.view must be one of: anybody, nobody, contacts, password, unlisted"),
                arguments("{ \"provider\": \"vimeo\", \"options\": { \"privacy\": { \"embed\": \"anybody\" } } }",
                        ".options.privacy.embed must be one of: public, private, whitelist"),
                arguments("{ \"provider\": \"vimeo\", \"options\": { \"privacy\": { \"comments\": \"password\" } } }",
                        ".options.privacy.comments must be one of: anybody, nobody, contacts"),
                arguments("{ \"provider\": \"vimeo\", \"options\": { \"title\": \"t\" } }",
                        ".options.title is not a known property"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidDestinations")
    void rejectsAnInvalidDestinationNamingItsPath(String destination, String problem) {
        assertThat(violationsOf(editWithDestination(destination))).containsExactly("output.destinations[0]" + problem);
    }

    @Test
    void acceptsAMuxPassthroughOfExactlyTheLimit() {
        assertThat(violationsOf(editWithDestination(
                "{ \"provider\": \"mux\", \"options\": { \"passthrough\": \"" + "p".repeat(255) + "\" } }"))).isEmpty();
    }
}
