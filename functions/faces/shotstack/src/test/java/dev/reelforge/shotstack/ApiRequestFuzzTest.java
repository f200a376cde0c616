package dev.reelforge.shotstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The Shotstack face's request reading, fed API Gateway events built from fuzzed text, under coverage-guided
 * fuzzing. The input's first six lines are the authorizer's owner, the {@code version} and {@code id} path
 * parameters, the query string ({@code a=1&b=2}), {@code isBase64Encoded} and the headers ({@code Name: value}
 * separated by tabs); a line {@code -} means absent; what follows the sixth line break is the body. Properties:
 * every reader answers a value or a rejection, never an exception (but for a missing authorizer context, the
 * one documented failure); a rejection is a 4xx in the envelope, whose body is valid JSON naming a problem; a
 * value is what the request said. Corpus: {@code ApiRequestFuzzTestInputs/readRequest}.
 */
class ApiRequestFuzzTest {

    private static final int MAX_BODY_BYTES = 256 * 1024;

    @FuzzTest
    void readRequest(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 7);
        APIGatewayProxyRequestEvent event = event(lines);
        ApiRequest request = new ApiRequest(event);

        String owner = line(lines, 0);
        if (owner == null || owner.isBlank()) {
            assertThatThrownBy(request::caller).isInstanceOf(MissingAuthorizerContextException.class);
        } else {
            check(request.caller(), caller -> assertThat(caller.owner()).isEqualTo(owner));
        }
        check(request.uuidPathParameter("id"), id -> assertThat(id).isEqualTo(UUID.fromString(line(lines, 2))));
        check(request.booleanQueryParameter("merged", false), merged -> assertThat(merged).isIn(true, false));
        check(request.booleanQueryParameter("data", true), data -> assertThat(data).isIn(true, false));
        check(request.jsonBody(MAX_BODY_BYTES), body -> assertThat(Json.parseTrusted(Json.write(body))).isEqualTo(body));
    }

    private static <T> void check(Parsed<T> parsed, java.util.function.Consumer<T> value) {
        switch (parsed) {
            case Parsed.Ok<T> ok -> value.accept(ok.value());
            case Parsed.Rejected<T> rejected -> {
                APIGatewayProxyResponseEvent response = ShotstackResponses.problem(rejected.problem());
                assertThat(response.getStatusCode()).isBetween(400, 499);
                JsonNode body = Json.parseTrusted(response.getBody());
                assertThat(body.path("success").asBoolean(true)).isFalse();
                assertThat(body.path("response").asText()).isNotBlank();
                assertThat(body.path("errors").size()).isPositive();
            }
        }
    }

    private static APIGatewayProxyRequestEvent event(String[] lines) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPathParameters(parameters(line(lines, 1), line(lines, 2)))
                .withQueryStringParameters(query(line(lines, 3)))
                .withHeaders(headers(line(lines, 5)))
                .withBody(lines.length > 6 ? lines[6] : null);
        String base64 = line(lines, 4);
        if (base64 != null) {
            event.setIsBase64Encoded(base64.equals("true"));
        }
        String owner = line(lines, 0);
        if (owner != null) {
            APIGatewayProxyRequestEvent.ProxyRequestContext context =
                    new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("fuzz");
            context.setAuthorizer(Map.of("owner", owner));
            event.setRequestContext(context);
        }
        return event;
    }

    private static String line(String[] lines, int index) {
        return index < lines.length && !lines[index].equals("-") ? lines[index] : null;
    }

    private static Map<String, String> parameters(String version, String id) {
        Map<String, String> parameters = new HashMap<>();
        if (version != null) {
            parameters.put("version", version);
        }
        if (id != null) {
            parameters.put("id", id);
        }
        return parameters;
    }

    private static Map<String, String> query(String query) {
        if (query == null) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
        }
        return parameters;
    }

    private static Map<String, String> headers(String headers) {
        if (headers == null) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : headers.split("\t")) {
            int colon = field.indexOf(':');
            if (colon > 0) {
                fields.put(field.substring(0, colon), field.substring(colon + 1).strip());
            }
        }
        return fields;
    }
}
