package dev.reelforge.shotstack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.validation.Violation;
import java.util.HashMap;
import java.util.Map;

/**
 * The Shotstack envelope: {@code {"success": …, "message": …, "response": …}}. On success the
 * response is the data; on a client error it is the first problem as a sentence, and {@code errors}
 * lists every problem found with the path it concerns. The Serve API answers success with bare JSON:API
 * documents ({@link #document}) or no content, and its errors in the same envelope.
 */
public final class ShotstackResponses {

    private static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");

    private ShotstackResponses() {}

    public static APIGatewayProxyResponseEvent created(JsonNode response) {
        return success(201, "Created", response);
    }

    /** A 201 that repeats an earlier one, marked as a replay as Stripe marks them ({@code Idempotent-Replayed}). */
    public static APIGatewayProxyResponseEvent createdAgain(JsonNode response) {
        Map<String, String> headers = new HashMap<>(JSON_HEADERS);
        headers.put("Idempotent-Replayed", "true");
        return created(response).withHeaders(headers);
    }

    public static APIGatewayProxyResponseEvent ok(JsonNode response) {
        return success(200, "OK", response);
    }

    /** A 202: the request is taken, and what it sets off goes on after the answer. */
    public static APIGatewayProxyResponseEvent accepted(JsonNode response) {
        return success(202, "Accepted", response);
    }

    /** A 200 whose body is the document itself, without the envelope (the Serve API's JSON:API answers). */
    public static APIGatewayProxyResponseEvent document(JsonNode document) {
        return respond(200, document);
    }

    /** A 204 without a body. */
    public static APIGatewayProxyResponseEvent noContent() {
        return new APIGatewayProxyResponseEvent().withStatusCode(204).withHeaders(Map.of());
    }

    public static APIGatewayProxyResponseEvent problem(Problem problem) {
        ObjectNode body = Json.object()
                .put("success", false)
                .put("message", reasonPhrase(problem.status()))
                .put("response", problem.violations().getFirst().message());
        ArrayNode errors = body.putArray("errors");
        for (Violation violation : problem.violations()) {
            errors.addObject().put("path", violation.path().toString()).put("message", violation.message());
        }
        return respond(problem.status(), body);
    }

    /** The only answer to an unexpected failure: nothing about the failure, only what to quote to support. */
    public static APIGatewayProxyResponseEvent internalError(String requestId) {
        ObjectNode body = Json.object()
                .put("success", false)
                .put("message", reasonPhrase(500))
                .put("response", "An unexpected error occurred. Quote request id " + requestId + " to support.");
        return respond(500, body);
    }

    private static APIGatewayProxyResponseEvent success(int status, String message, JsonNode response) {
        ObjectNode body = Json.object().put("success", true).put("message", message);
        body.set("response", response);
        return respond(status, body);
    }

    private static APIGatewayProxyResponseEvent respond(int status, JsonNode body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(JSON_HEADERS)
                .withBody(Json.write(body));
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 500 -> "Internal Server Error";
            default -> throw new IllegalArgumentException("no reason phrase for status " + status);
        };
    }
}
