package dev.reelforge.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.validation.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonDocumentTest {

    /** Found by ApiRequestFuzzTest: such a number was read as infinity and stored as the string "Infinity". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"merge": [{"find": "X", "replace": 1e400}]}           | merge[0].replace
            {"a": {"b": [1, -1.5e309]}}                            | a.b[1]
            {"n": 1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111.5} | n
            """)
    void aFractionBeyondTheRangeOfADoubleIsNamedWithItsPlace(String text, String path) {
        assertThat(JsonDocument.parse(text))
                .isEqualTo(new JsonDocument.Malformed(new JsonPath(path), "is a number too large to be read as one"));
    }

    @Test
    void aDocumentThatIsOnlyAnInfiniteFractionIsTheBody() {
        assertThat(JsonDocument.parse("1E+999"))
                .isEqualTo(new JsonDocument.Malformed(JsonPath.ROOT, "is a number too large to be read as one"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.7976931348623157e308", "-1.7976931348623157E308", "1e-400",
        "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
            + "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
            + "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"})
    void aNumberWithinTheRangeOfADoubleOrAnIntegerOfAnyLengthIsReadAndWrittenBackAsANumber(String number) {
        JsonDocument document = JsonDocument.parse("{\"n\": " + number + "}");

        assertThat(document).isInstanceOf(JsonDocument.Parsed.class);
        JsonNode tree = ((JsonDocument.Parsed) document).tree();
        assertThat(Json.parseTrusted(Json.write(tree))).isEqualTo(tree);
    }

    @Test
    void aNumberTooLongToReadIsNamedWithItsProperty() {
        String text = "{\"timeline\": {\"tracks\": [{\"clips\": [{\"start\": 0}, {\"length\": 1" + "0".repeat(2000) + "}]}]}}";

        JsonDocument document = JsonDocument.parse(text);

        assertThat(document).isEqualTo(new JsonDocument.Malformed(new JsonPath("timeline.tracks[0].clips[1].length"),
                "is a number longer than 1000 digits"));
    }

    @Test
    void aFractionTooLongToReadIsNamedWithItsArrayElement() {
        JsonDocument document = JsonDocument.parse("{\"merge\": [1, 0." + "5".repeat(1500) + "]}");

        assertThat(document).isEqualTo(new JsonDocument.Malformed(new JsonPath("merge[1]"),
                "is a number longer than 1000 digits"));
    }

    @Test
    void aDocumentThatIsOnlyATooLongNumberIsTheBody() {
        JsonDocument document = JsonDocument.parse("9".repeat(1001));

        assertThat(document).isEqualTo(new JsonDocument.Malformed(JsonPath.ROOT, "is a number longer than 1000 digits"));
    }

    @Test
    void aNumberOfTheMaximumLengthIsRead() {
        assertThat(JsonDocument.parse("{\"length\": " + "1".repeat(1000) + "}")).isInstanceOf(JsonDocument.Parsed.class);
    }

    @Test
    void aPropertyNameTooLongToReadIsNamedWithItsObject() {
        JsonDocument document = JsonDocument.parse("{\"output\": {\"" + "n".repeat(50_001) + "\": 1}}");

        assertThat(document).isEqualTo(new JsonDocument.Malformed(new JsonPath("output"),
                "has a property name longer than 50000 characters"));
    }

    @Test
    void nestingTooDeepIsStillReportedAsNesting() {
        JsonDocument document = JsonDocument.parse("[".repeat(65) + "]".repeat(65));

        assertThat(document).isEqualTo(new JsonDocument.Malformed(JsonPath.ROOT,
                "is not valid JSON: it is nested more than 64 levels deep"));
    }

    @Test
    void syntaxErrorsAreReportedWithTheirPlace() {
        assertThat(JsonDocument.parse("{\"timeline\": ")).isEqualTo(new JsonDocument.Malformed(
                "is not valid JSON: it ends unexpectedly at line 1, column 14"));
        assertThat(JsonDocument.parse("{\"a\": 1, \"a\": 2}")).isEqualTo(new JsonDocument.Malformed(
                "is not valid JSON: it repeats a property name at line 1, column 13"));
        assertThat(JsonDocument.parse("{} []")).isEqualTo(new JsonDocument.Malformed(
                "is not valid JSON: it has content after the JSON value at line 1, column 4"));
    }
}
