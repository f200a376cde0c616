package dev.reelforge.picovico;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.util.Map;

/**
 * Picovico's answers (API v2.1, what its SDKs read): bare JSON documents on success, and
 * {@code {"error": {"message": "<sentence>", "status": <HTTP status>}}} on error.
 */
public final class PicovicoResponses {

    private static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");
    private static final Map<String, String> NO_STORE = Map.of("Content-Type", "application/json",
            "Cache-Control", "no-store", "Pragma", "no-cache");

    private PicovicoResponses() {}

    public static APIGatewayProxyResponseEvent ok(JsonNode body) {
        return respond(200, body, JSON_HEADERS);
    }

    /** A 200 that no cache may keep (credentials, a balance). */
    public static APIGatewayProxyResponseEvent okNoStore(JsonNode body) {
        return respond(200, body, NO_STORE);
    }

    public static APIGatewayProxyResponseEvent error(PicovicoError error) {
        return respond(error.status(), envelope(error.message(), error.status()), NO_STORE);
    }

    /**
     * A render refused with one of Picovico's 74xx codes: the code goes in the envelope's {@code status} (what the
     * SDKs raise as the error's status), the HTTP status says it is the request's fault.
     */
    public static APIGatewayProxyResponseEvent refused(int httpStatus, int code, String message) {
        return respond(httpStatus, envelope(message, code), NO_STORE);
    }

    /** A redirect to {@code location}, which caches may keep for {@code maxAgeSeconds}. */
    public static APIGatewayProxyResponseEvent found(String location, int maxAgeSeconds) {
        return new APIGatewayProxyResponseEvent().withStatusCode(302).withHeaders(Map.of("Location", location,
                "Cache-Control", "public, max-age=" + maxAgeSeconds));
    }

    /** The only answer to an unexpected failure: a 500 with nothing but the request id to quote to support. */
    public static APIGatewayProxyResponseEvent internalError(String requestId) {
        return respond(500, envelope("An unexpected error occurred. Quote request id " + requestId + " to support.",
                500), NO_STORE);
    }

    private static ObjectNode envelope(String message, int status) {
        ObjectNode body = Json.object();
        body.putObject("error").put("message", message).put("status", status);
        return body;
    }

    private static APIGatewayProxyResponseEvent respond(int status, JsonNode body, Map<String, String> headers) {
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers).withBody(Json.write(body));
    }
}
