package dev.reelforge.shotstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    private static Parsed<JsonNode> base64Body(byte[] bytes, int maxBytes) {
        return new ApiRequest(new APIGatewayProxyRequestEvent()
                .withBody(Base64.getEncoder().encodeToString(bytes))
                .withIsBase64Encoded(true)).jsonBody(maxBytes);
    }

    private static Problem problemOf(Parsed<?> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Rejected.class);
        return ((Parsed.Rejected<?>) parsed).problem();
    }

    @Test
    void aBase64BodyOfUtf8JsonIsRead() {
        Parsed<JsonNode> parsed = base64Body("{\"title\": \"caf\u00e9 \ud83c\udfac\"}".getBytes(StandardCharsets.UTF_8), 1000);

        assertThat(parsed).isInstanceOf(Parsed.Ok.class);
        assertThat(((Parsed.Ok<JsonNode>) parsed).value().path("title").asText()).isEqualTo("caf\u00e9 \ud83c\udfac");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"C3 28, 11", "C0 AF, 11", "ED A0 80, 11", "F8 88 80 80 80, 11", "FF, 11", "80, 11", "E2 82, 11"})
    void aBodyThatIsNotUtf8IsRefusedNamingWhereItBreaks(String badBytes, int offset) {
        byte[] bytes = ("{\"title\": \"" + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] bad = HexFormat.ofDelimiter(" ").parseHex(badBytes);
        byte[] body = new byte[bytes.length + bad.length];
        System.arraycopy(bytes, 0, body, 0, 11);
        System.arraycopy(bad, 0, body, 11, bad.length);
        System.arraycopy(bytes, 11, body, 11 + bad.length, bytes.length - 11);

        Problem problem = problemOf(base64Body(body, 1000));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations()).containsExactly(new Violation(JsonPath.ROOT,
                "is not valid UTF-8: byte " + offset + " does not start a well-formed character"));
    }

    @Test
    void aBodyEndingInTheMiddleOfACharacterIsRefused() {
        Problem problem = problemOf(base64Body(HexFormat.of().parseHex("7b7de282"), 1000));

        assertThat(problem.violations().getFirst().message())
                .isEqualTo("body is not valid UTF-8: byte 2 does not start a well-formed character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"e30=\n", "e3 0=", "e30", "e30=e30=", "!!!!"})
    void aBodyMarkedBase64ThatIsNotStrictBase64IsRefused(String body) {
        Problem problem = problemOf(new ApiRequest(new APIGatewayProxyRequestEvent().withBody(body)
                .withIsBase64Encoded(true)).jsonBody(1000));

        assertThat(problem.violations()).containsExactly(new Violation(JsonPath.ROOT, "is marked base64 but is not base64"));
    }

    @Test
    void aBase64BodyOverTheLimitIsRefusedBeforeItIsDecoded() {
        assertThat(problemOf(base64Body(new byte[1001], 1000)).status()).isEqualTo(413);
        assertThat(problemOf(new ApiRequest(new APIGatewayProxyRequestEvent().withBody("!".repeat(100_000))
                .withIsBase64Encoded(true)).jsonBody(1000)).status()).isEqualTo(413);
        assertThat(base64Body("{}".getBytes(StandardCharsets.UTF_8), 2)).isInstanceOf(Parsed.Ok.class);
    }

    @Test
    void aTextBodyWithHalfASurrogatePairIsRefused() {
        Problem problem = problemOf(new ApiRequest(new APIGatewayProxyRequestEvent().withBody("{\"a\": \"\ud800\"}"))
                .jsonBody(1000));

        assertThat(problem.violations().getFirst().message())
                .isEqualTo("body is not valid UTF-8: character 7 is half of a surrogate pair");
    }

    @Test
    void aNumberTooLongIsRefusedNamingItsField() {
        Problem problem = problemOf(base64Body(("{\"output\": {\"fps\": 2" + "5".repeat(1000) + "}}")
                .getBytes(StandardCharsets.UTF_8), 10_000));

        assertThat(problem.violations()).containsExactly(new Violation(new JsonPath("output.fps"),
                "is a number longer than 1000 digits"));
        assertThat(List.of(problem.status())).containsExactly(400);
    }
}
