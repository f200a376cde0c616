package dev.reelforge.ibm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.oauth.IssueTokenCommand;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.ibm.Parsed;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The token endpoints' request reading ({@link TokenRequest}), fed API Gateway events built from fuzzed text, under
 * coverage-guided fuzzing. The input's first three lines are the Authorization header, the Content-Type header and
 * {@code isBase64Encoded}; a line {@code -} means absent; what follows the third line break is the body. Properties:
 * both readers answer a command or a rejection, never an exception; a rejection is a 4xx (or 501
 * {@code unsupported_grant_type}) in IBM's envelope, valid JSON with an {@code error} and a {@code hint}; a command
 * carries a non-empty client id and secret. Corpus: {@code TokenRequestFuzzTestInputs/readTokenRequest}.
 */
class TokenRequestFuzzTest {

    private static final List<String> ERRORS = List.of("invalid_request", "invalid_client", "unsupported_grant_type",
            "request_too_large");

    @FuzzTest
    void readTokenRequest(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 4);
        APIGatewayProxyRequestEvent event = event(lines);

        switch (TokenRequest.issue(new IbmRequest(event))) {
            case Parsed.Ok<IssueTokenCommand> ok -> {
                assertThat(ok.value().clientId()).isNotEmpty();
                assertThat(ok.value().secret().value()).isNotEmpty();
                assertThat(ok.value().grant()).isNotNull();
            }
            case Parsed.Rejected<IssueTokenCommand> rejected -> checkRejection(IbmResponses.error(rejected.error()));
        }
        switch (TokenRequest.revoke(new IbmRequest(event))) {
            case Parsed.Ok<?> ok -> assertThat(ok.value()).isNotNull();
            case Parsed.Rejected<?> rejected -> checkRejection(IbmResponses.error(rejected.error()));
        }
    }

    private static void checkRejection(APIGatewayProxyResponseEvent response) {
        assertThat(response.getStatusCode()).isIn(400, 413, 501);
        JsonNode body = Json.parseTrusted(response.getBody());
        assertThat(body.path("error").asText()).isIn(ERRORS);
        assertThat(body.path("hint").asText()).isNotBlank();
    }

    private static APIGatewayProxyRequestEvent event(String[] lines) {
        Map<String, String> headers = new HashMap<>();
        String authorization = line(lines, 0);
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        String contentType = line(lines, 1);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withHeaders(headers)
                .withBody(lines.length > 3 ? lines[3] : null);
        String base64 = line(lines, 2);
        if (base64 != null) {
            event.setIsBase64Encoded(base64.equals("true"));
        }
        return event;
    }

    private static String line(String[] lines, int index) {
        return index < lines.length && !lines[index].equals("-") ? lines[index] : null;
    }
}
