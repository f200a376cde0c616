package dev.reelforge.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.validation.JsonPath;
import org.junit.jupiter.api.Test;

class JsonDocumentTest {

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
