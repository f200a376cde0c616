package dev.reelforge.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonDocumentTest {

    /** Found by ApiRequestFuzzTest: such a number was read as infinity and stored as the string "Infinity". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"merge": [{"find": "X", "replace": 1e400}]}           | has a number too large to be read as one, at merge[0].replace
            {"a": {"b": [1, -1.5e309]}}                            | has a number too large to be read as one, at a.b[1]
            1E+999                                                 | has a number too large to be read as one
            """)
    void aNumberBeyondTheRangeOfADoubleIsMalformed(String text, String reason) {
        assertThat(JsonDocument.parse(text)).isEqualTo(new JsonDocument.Malformed(reason));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.7976931348623157e308", "-1.7976931348623157E308", "1e-400", "123456789012345678901234567890"})
    void aNumberWithinTheRangeOfADoubleIsRead(String number) {
        assertThat(JsonDocument.parse("{\"n\": " + number + "}")).isInstanceOf(JsonDocument.Parsed.class);
    }

    @org.junit.jupiter.api.Test
    void anIntegerOfFourHundredDigitsIsMalformed() {
        assertThat(JsonDocument.parse("[" + "9".repeat(400) + "]"))
                .isEqualTo(new JsonDocument.Malformed("has a number too large to be read as one, at [0]"));
    }
}
