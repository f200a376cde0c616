package dev.reelforge.ibm;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * IBM's answers: bare JSON documents on success ({@code {"video": …}}, {@code {"downloadable": …}}), and
 * {@code {"error": "<value>", "hint": "<sentence>"}} on error. A 401 carries {@code WWW-Authenticate: Bearer} as
 * RFC 6750 asks; token answers carry {@code Cache-Control: no-store}.
 */
public final class IbmResponses {

    private static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");

    private IbmResponses() {}

    public static APIGatewayProxyResponseEvent ok(JsonNode body) {
        return respond(200, body, JSON_HEADERS);
    }

    /** A 200 that no cache may keep (tokens). */
    public static APIGatewayProxyResponseEvent okNoStore(JsonNode body) {
        return respond(200, body, Map.of("Content-Type", "application/json", "Cache-Control", "no-store",
                "Pragma", "no-cache"));
    }

    public static APIGatewayProxyResponseEvent error(IbmError error) {
        ObjectNode body = Json.object().put("error", error.error());
        error.hint().ifPresent(hint -> body.put("hint", hint));
        Map<String, String> headers = new HashMap<>(JSON_HEADERS);
        headers.put("Cache-Control", "no-store");
        if (error.status() == 401) {
            headers.put("WWW-Authenticate", "Bearer error=\"" + error.error() + "\"");
        }
        return respond(error.status(), body, headers);
    }

    /** The only answer to an unexpected failure: IBM's 503, with nothing but the request id to quote to support. */
    public static APIGatewayProxyResponseEvent serviceUnavailable(String requestId) {
        ObjectNode body = Json.object().put("error", "server_error")
                .put("hint", "An unexpected error occurred. Quote request id " + requestId + " to support.");
        return respond(503, body, JSON_HEADERS);
    }

    private static APIGatewayProxyResponseEvent respond(int status, JsonNode body, Map<String, String> headers) {
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers).withBody(Json.write(body));
    }
}
