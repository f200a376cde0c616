package dev.reelforge.core.edit;

import static dev.reelforge.core.edit.EditJson.editWithAsset;
import static dev.reelforge.core.edit.EditJson.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The eight asset types, told apart by {@code type}. */
class AssetValidationTest {

    private static final String ASSET = "timeline.tracks[0].clips[0].asset";

    @ParameterizedTest
    @ValueSource(strings = {
        "{ \"type\": \"video\", \"src\": \"https://example.com/v.mp4\" }",
        "{ \"type\": \"image\", \"src\": \"https://example.com/i.jpg\" }",
        "{ \"type\": \"text\", \"text\": \"Hello\" }",
        "{ \"type\": \"audio\", \"src\": \"s3://bucket/a.mp3\" }",
        "{ \"type\": \"luma\", \"src\": \"http://example.com/l.mp4\" }",
        "{ \"type\": \"caption\", \"src\": \"https://example.com/c.vtt\" }",
        "{ \"type\": \"html\", \"html\": \"<p>Hi</p>\" }",
        "{ \"type\": \"title\", \"text\": \"Hello\" }",
    })
    void acceptsTheSmallestAssetOfEachType(String asset) {
        assertThat(violationsOf(editWithAsset(asset))).isEmpty();
    }

    @Test
    void rejectsAnUnknownAssetTypeListingTheTypesInContractOrder() {
        assertThat(violationsOf(editWithAsset("{ \"type\": \"gif\", \"src\": \"https://example.com/a.gif\" }")))
                .containsExactly(ASSET + ".type must be one of: video, image, text, rich-text, audio, luma, caption, rich-caption, html, title, shape, svg, text-to-image, image-to-video, text-to-speech, html5");
    }

    @Test
    void rejectsAnAssetTypeThatIsNotAString() {
        assertThat(violationsOf(editWithAsset("{ \"type\": 1 }")))
                .containsExactly(ASSET + ".type must be one of: video, image, text, rich-text, audio, luma, caption, rich-caption, html, title, shape, svg, text-to-image, image-to-video, text-to-speech, html5");
    }

    @Test
    void rejectsAnAssetWithoutAType() {
        assertThat(violationsOf(editWithAsset("{ \"src\": \"https://example.com/v.mp4\" }")))
                .containsExactly(ASSET + ".type is required");
    }

    static Stream<Arguments> assetsMissingARequiredProperty() {
        return Stream.of(
                arguments("video", "src"), arguments("image", "src"), arguments("text", "text"),
                arguments("audio", "src"), arguments("luma", "src"), arguments("caption", "src"),
                arguments("html", "html"), arguments("title", "text"));
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @MethodSource("assetsMissingARequiredProperty")
    void rejectsAnAssetMissingItsRequiredProperty(String type, String property) {
        assertThat(violationsOf(editWithAsset("{ \"type\": \"" + type + "\" }")))
                .containsExactly(ASSET + "." + property + " is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ftp://example.com/v.mp4",
        "file:///tmp/v.mp4",
        "video.mp4",
        "https://",
        "https://example.com/v 1.mp4",
    })
    void rejectsASourceThatIsNotAFetchableUrl(String src) {
        assertThat(violationsOf(editWithAsset("{ \"type\": \"video\", \"src\": \"" + src + "\" }")))
                .containsExactly(ASSET + ".src must be an absolute http or https or s3 URL");
    }

    /** Hosts the JDK reads differently from browsers and curl ({@code 0177.0.0.1} is 177.0.0.1 to the JDK). */
    @ParameterizedTest
    @ValueSource(strings = {
        "http://0177.0.0.1/v.mp4",
        "http://0x7f.1/v.mp4",
        "http://127.1/v.mp4",
        "http://2130706433/v.mp4",
        "http://127.0.0.01/v.mp4",
        "http://127.0.0.1./v.mp4",
        "http://%31%32%37.0.0.1/v.mp4",
        "http://[::ffff:0177.0.0.1]/v.mp4",
        "http://[fe80::1%25eth0]/v.mp4",
        "https://exa mple.com/v.mp4",
        "http://b\u00fccher.example/v.mp4",
    })
    void rejectsASourceWhoseHostIsNotWrittenCanonically(String src) {
        assertThat(violationsOf(editWithAsset("{ \"type\": \"video\", \"src\": \"" + src + "\" }")))
                .containsExactly(ASSET + ".src must name its host as a DNS name (letters, digits and hyphens; "
                        + "international names in punycode), an IPv4 address in dotted decimal or an IPv6 address in "
                        + "brackets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://a@127.0.0.1/v.mp4", "https://user:password@example.com/v.mp4"})
    void rejectsASourceThatNamesAUser(String src) {
        assertThat(violationsOf(editWithAsset("{ \"type\": \"video\", \"src\": \"" + src + "\" }")))
                .containsExactly(ASSET + ".src must not name a user or password");
    }

    @Test
    void rejectsAnEmptySource() {
        assertThat(violationsOf(editWithAsset("{ \"type\": \"image\", \"src\": \" \" }")))
                .containsExactly(ASSET + ".src must not be empty");
    }

    @Test
    void rejectsTextLongerThanTheDefaultStringLimit() {
        String text = "a".repeat(65_537);
        assertThat(violationsOf(editWithAsset("{ \"type\": \"text\", \"text\": \"" + text + "\" }")))
                .containsExactly(ASSET + ".text must be at most 65536 characters long");
        assertThat(violationsOf(editWithAsset("{ \"type\": \"text\", \"text\": \"" + text.substring(1) + "\" }")))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "#fff", "#FFF", "#00b140", "#00B140", "#8000b140", "#AbCdEf12" })
    void acceptsShortLongAndAlphaHexColours(String colour) {
        assertThat(violationsOf(editWithAsset(
                "{ \"type\": \"title\", \"text\": \"x\", \"background\": \"" + colour + "\" }"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "red", "ff0000", "#ff00", "#ff00000", "#gggggg", "#ff0000ff00", "rgb(255,0,0)", "" })
    void rejectsAnythingElseAsAColour(String colour) {
        assertThat(violationsOf(editWithAsset(
                "{ \"type\": \"title\", \"text\": \"x\", \"background\": \"" + colour + "\" }")))
                .containsExactly(ASSET + ".background must be a hexadecimal colour such as #ff0000");
    }

    /** Shotstack's own templates send it, and its service accepts it, though the contract's prose says hex only. */
    @Test
    void anHtmlBackgroundMayAlsoBeTransparent() {
        assertThat(violationsOf(editWithAsset(
                "{ \"type\": \"html\", \"html\": \"<p/>\", \"background\": \"transparent\" }"))).isEmpty();
        assertThat(violationsOf(editWithAsset(
                "{ \"type\": \"html\", \"html\": \"<p/>\", \"background\": \"red\" }")))
                .containsExactly(ASSET + ".background must be a hexadecimal colour such as #ff0000, or transparent");
        assertThat(violationsOf(editWithAsset(
                "{ \"type\": \"title\", \"text\": \"x\", \"background\": \"transparent\" }")))
                .containsExactly(ASSET + ".background must be a hexadecimal colour such as #ff0000");
    }


    static Stream<Arguments> invalidAssets() {
        String video = "\"type\": \"video\", \"src\": \"https://example.com/v.mp4\", ";
        String audio = "\"type\": \"audio\", \"src\": \"https://example.com/a.mp3\", ";
        String text = "\"type\": \"text\", \"text\": \"Hi\", ";
        String caption = "\"type\": \"caption\", \"src\": \"https://example.com/c.srt\", ";
        String html = "\"type\": \"html\", \"html\": \"<p/>\", ";
        String title = "\"type\": \"title\", \"text\": \"Hi\", ";
        return Stream.of(
                // video
                arguments(video + "\"trim\": -1", ".trim must be a number greater than or equal to 0"),
                arguments(video + "\"volume\": 1.1", ".volume must be a number between 0 and 1"),
                arguments(video + "\"volume\": \"loud\"", ".volume must be a number between 0 and 1 or an array"),
                arguments(video + "\"volume\": []", ".volume must not be empty"),
                arguments(video + "\"volumeEffect\": \"fade\"",
                        ".volumeEffect must be one of: fadeIn, fadeOut, fadeInFadeOut"),
                arguments(video + "\"speed\": 10.5", ".speed must be a number between 0 and 10"),
                arguments(video + "\"speed\": -1", ".speed must be a number between 0 and 10"),
                arguments(video + "\"crop\": { \"top\": 1.5 }", ".crop.top must be a number between 0 and 1"),
                arguments(video + "\"crop\": { \"right\": -0.1 }", ".crop.right must be a number between 0 and 1"),
                arguments(video + "\"crop\": { \"middle\": 0.1 }", ".crop.middle is not a known property"),
                arguments(video + "\"chromaKey\": { \"color\": \"green\" }",
                        ".chromaKey.color must be a hexadecimal colour such as #ff0000"),
                arguments(video + "\"chromaKey\": { \"threshold\": 251 }",
                        ".chromaKey.threshold must be an integer between 0 and 250"),
                arguments(video + "\"chromaKey\": { \"halo\": 10.5 }",
                        ".chromaKey.halo must be an integer between 0 and 250"),
                arguments(video + "\"effect\": \"fadeIn\"", ".effect is not a known property"),
                // image
                arguments("\"type\": \"image\", \"src\": \"https://example.com/i.jpg\", \"trim\": 1",
                        ".trim is not a known property"),
                // audio
                arguments(audio + "\"effect\": \"fadeUp\"", ".effect must be one of: fadeIn, fadeOut, fadeInFadeOut"),
                arguments(audio + "\"volume\": -0.1", ".volume must be a number between 0 and 1"),
                arguments(audio + "\"speed\": 11", ".speed must be a number between 0 and 10"),
                arguments(audio + "\"trim\": \"2s\"", ".trim must be a number greater than or equal to 0"),
                // luma
                arguments("\"type\": \"luma\", \"src\": \"https://example.com/l.mp4\", \"trim\": -2",
                        ".trim must be a number greater than or equal to 0"),
                // text
                arguments(text + "\"width\": 0", ".width must be an integer greater than 0"),
                arguments(text + "\"height\": 10.5", ".height must be an integer greater than 0"),
                arguments(text + "\"font\": { \"size\": 0 }", ".font.size must be an integer greater than 0"),
                arguments(text + "\"font\": { \"size\": 12.5 }", ".font.size must be an integer greater than 0 or a whole number of pixels such as 36"),
                arguments(text + "\"font\": { \"weight\": 950 }", ".font.weight must be an integer between 100 and 900"),
                arguments(text + "\"font\": { \"weight\": 50 }", ".font.weight must be an integer between 100 and 900"),
                arguments(text + "\"font\": { \"opacity\": 2 }", ".font.opacity must be a number between 0 and 1"),
                arguments(text + "\"font\": { \"lineHeight\": 0 }", ".font.lineHeight must be a number greater than 0"),
                arguments(text + "\"font\": { \"color\": \"white\" }",
                        ".font.color must be a hexadecimal colour such as #ff0000"),
                arguments(text + "\"font\": { \"stroke\": \"#000\" }", ".font.stroke is not a known property"),
                arguments(text + "\"background\": { \"color\": \"#12\" }",
                        ".background.color must be a hexadecimal colour such as #ff0000"),
                arguments(text + "\"background\": \"#000000\"", ".background must be an object"),
                arguments(text + "\"alignment\": { \"horizontal\": \"justify\" }",
                        ".alignment.horizontal must be one of: left, center, right"),
                arguments(text + "\"alignment\": { \"vertical\": \"middle\" }",
                        ".alignment.vertical must be one of: top, center, bottom"),
                // caption
                arguments(caption + "\"font\": { \"size\": -1 }", ".font.size must be an integer greater than 0"),
                arguments(caption + "\"font\": { \"stroke\": \"orange\" }",
                        ".font.stroke must be a hexadecimal colour such as #ff0000"),
                arguments(caption + "\"font\": { \"strokeWidth\": -1 }",
                        ".font.strokeWidth must be a number greater than or equal to 0"),
                arguments(caption + "\"font\": { \"weight\": 400 }", ".font.weight is not a known property"),
                arguments(caption + "\"background\": { \"opacity\": 1.2 }",
                        ".background.opacity must be a number between 0 and 1"),
                arguments(caption + "\"background\": { \"padding\": -1 }",
                        ".background.padding must be an integer greater than or equal to 0"),
                arguments(caption + "\"background\": { \"borderRadius\": 1.5 }",
                        ".background.borderRadius must be an integer greater than or equal to 0"),
                arguments(caption + "\"margin\": { \"bottom\": 0.1 }", ".margin.bottom is not a known property"),
                arguments(caption + "\"margin\": { \"top\": \"10px\" }", ".margin.top must be a number"),
                arguments(caption + "\"speed\": 20", ".speed must be a number between 0 and 10"),
                // html
                arguments(html + "\"css\": 1", ".css must be a string"),
                arguments(html + "\"width\": -400", ".width must be an integer greater than 0"),
                arguments(html + "\"position\": \"middle\"", ".position must be one of: top, topRight, right, "
                        + "bottomRight, bottom, bottomLeft, left, topLeft, center"),
                // title
                arguments(title + "\"style\": \"fancy\"", ".style must be one of: minimal, blockbuster, vogue, "
                        + "sketchy, skinny, chunk, chunkLight, marker, future, subtitle"),
                arguments(title + "\"size\": \"huge\"",
                        ".size must be one of: xx-small, x-small, small, medium, large, x-large, xx-large"),
                arguments(title + "\"color\": \"#ffff0\"", ".color must be a hexadecimal colour such as #ff0000"),
                arguments(title + "\"offset\": { \"x\": 20 }", ".offset.x must be a number between -10 and 10"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidAssets")
    void rejectsAnInvalidAssetPropertyNamingItsPath(String properties, String problem) {
        assertThat(violationsOf(editWithAsset("{ " + properties + " }"))).containsExactly(ASSET + problem);
    }

    @Test
    void acceptsBoundaryValues() {
        assertThat(violationsOf(editWithAsset("""
                {
                  "type": "video", "src": "https://example.com/v.mp4",
                  "trim": 0, "volume": 0, "speed": 0,
                  "crop": { "top": 0, "bottom": 1 },
                  "chromaKey": { "threshold": 0, "halo": 250 }
                }
                """))).isEmpty();
        assertThat(violationsOf(editWithAsset("""
                { "type": "text", "text": "", "width": 1, "font": { "size": 1, "weight": 100, "opacity": 1 } }
                """))).isEmpty();
        assertThat(violationsOf(editWithAsset("""
                { "type": "text", "text": "x", "font": { "weight": 900 } }
                """))).isEmpty();
    }
}
