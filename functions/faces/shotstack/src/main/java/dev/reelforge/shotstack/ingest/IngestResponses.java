package dev.reelforge.shotstack.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.validation.Violation;
import dev.reelforge.runtime.http.DashboardCors;
import dev.reelforge.runtime.http.RequestGuard;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.shotstack.Problem;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Ingest API's answers: JSON:API documents on success, and its own error shape (the contract's
 * {@code IngestErrorResponse}: {@code {"errors":[{"status":"400","title":"Validation Error","detail":"..."}]}}), one
 * error per violation found, for client mistakes and for the one generic 500.
 */
public final class IngestResponses {

    private static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");
    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final RequestGuard GUARD = new RequestGuard(500, IngestResponses::internalError,
            IngestResponses::pathIds);

    private IngestResponses() {}

    /**
     * Runs the handler; an exception is logged in full and answered with a generic 500 naming the request id. Every
     * answer gets the dashboard's CORS header when its origin asked, as the Edit and Serve APIs' do.
     */
    public static APIGatewayProxyResponseEvent guard(APIGatewayProxyRequestEvent request, Context context,
            Supplier<APIGatewayProxyResponseEvent> handler) {
        return DashboardCors.apply(request, GUARD.guard(request, context, handler));
    }

    public static APIGatewayProxyResponseEvent document(int status, JsonNode document) {
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(JSON_HEADERS)
                .withBody(Json.write(document));
    }

    static APIGatewayProxyResponseEvent noContent() {
        return new APIGatewayProxyResponseEvent().withStatusCode(204).withHeaders(Map.of());
    }

    public static APIGatewayProxyResponseEvent problem(Problem problem) {
        ObjectNode body = Json.object();
        ArrayNode errors = body.putArray("errors");
        for (Violation violation : problem.violations()) {
            errors.addObject().put("status", Integer.toString(problem.status())).put("title", title(problem.status()))
                    .put("detail", violation.message().strip());
        }
        return document(problem.status(), body);
    }

    static APIGatewayProxyResponseEvent notFound() {
        return problem(Problem.notFound(dev.reelforge.core.validation.JsonPath.of("id"), "matches no source"));
    }

    private static APIGatewayProxyResponseEvent internalError(String requestId) {
        ObjectNode body = Json.object();
        body.putArray("errors").addObject().put("status", "500").put("title", title(500))
                .put("detail", "An unexpected error occurred. Quote request id " + requestId + " to support.");
        return document(500, body);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Validation Error";
            case 404 -> "Not Found";
            case 413 -> "Payload Too Large";
            case 500 -> "Internal Server Error";
            default -> "Error";
        };
    }

    private static void pathIds(APIGatewayProxyRequestEvent request, LogEvent line) {
        Optional.ofNullable(request.getPathParameters()).map(parameters -> parameters.get("id"))
                .filter(id -> UUID_FORMAT.matcher(id).matches())
                .ifPresent(id -> line.field("sourceId", id));
    }
}
