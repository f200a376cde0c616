package dev.reelforge.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return CanonicalJson.write(Json.parseTrusted(json));
    }

    @Test
    void membersAreSortedByNameAtEveryLevelAndWhitespaceIsDropped() {
        assertThat(canonical("{ \"b\": [ {\"y\": 1, \"x\": 2} ],\n \"a\": null, \"c\": true }"))
                .isEqualTo("{\"a\":null,\"b\":[{\"x\":2,\"y\":1}],\"c\":true}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|1", "1.0|1", "1e0|1", "10|1E+1", "1.50|1.5", "-0.0|0", "0|0", "1e2|1E+2", "100|1E+2",
            "0.1|0.1", "123456789012345678901234567890|1.2345678901234567890123456789E+29"})
    void numbersAreWrittenByValue(String number, String expected) {
        assertThat(canonical("[" + number + "]")).isEqualTo("[" + expected + "]");
    }

    @Test
    void stringsAreWrittenByValueNotBySpelling() {
        assertThat(canonical("[\"\\u0048i\\/\"]")).isEqualTo(canonical("[\"Hi/\"]"));
    }

    @Test
    void documentsThatDifferInValueOrArrayOrderHashDifferently() {
        String hash = CanonicalJson.sha256(Json.parseTrusted("{\"a\": [1, 2], \"b\": \"x\"}"));

        assertThat(CanonicalJson.sha256(Json.parseTrusted("{\"b\":\"x\",\"a\":[1.0,2]}"))).isEqualTo(hash);
        assertThat(CanonicalJson.sha256(Json.parseTrusted("{\"a\": [2, 1], \"b\": \"x\"}"))).isNotEqualTo(hash);
        assertThat(CanonicalJson.sha256(Json.parseTrusted("{\"a\": [1, 2], \"b\": \"X\"}"))).isNotEqualTo(hash);
        assertThat(CanonicalJson.sha256(Json.parseTrusted("{\"a\": [1, 2], \"b\": 1}"))).isNotEqualTo(hash);
        assertThat(CanonicalJson.sha256(Json.parseTrusted("{\"a\": [1, \"2\"], \"b\": \"x\"}"))).isNotEqualTo(hash);
        assertThat(hash).matches("[0-9a-f]{64}");
    }

    @Test
    void aNumberTooLargeForADoubleIsNotTheStringInfinity() {
        assertThat(canonical("[1e400]")).isNotEqualTo(canonical("[\"Infinity\"]"));
    }
}
