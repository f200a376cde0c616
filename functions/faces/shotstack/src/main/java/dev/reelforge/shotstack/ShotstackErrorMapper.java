package dev.reelforge.shotstack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Shotstack face's one error mapper. Client errors never get here (they are {@link Problem}s); any
 * exception that does is logged in full with the request ids and answered with a generic 500. Every request is
 * logged once, as {@code api.request}: its route, status and outcome, the caller's owner and the render or asset
 * its path names.
 */
public final class ShotstackErrorMapper {

    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private ShotstackErrorMapper() {}

    public static APIGatewayProxyResponseEvent guard(APIGatewayProxyRequestEvent request, Context context,
            Supplier<APIGatewayProxyResponseEvent> handler) {
        StructuredLog log = StructuredLog.of(context);
        String requestId = Optional.ofNullable(request.getRequestContext())
                .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getRequestId)
                .orElse(context.getAwsRequestId());
        try {
            APIGatewayProxyResponseEvent response = handler.get();
            int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
            requestLine(log, request, requestId).outcome(status < 400 ? "ok" : "rejected").field("status", status)
                    .info();
            return response;
        } catch (RuntimeException failure) {
            requestLine(log, request, requestId).outcome("failed").field("status", 500).failure(failure).error();
            return ShotstackResponses.internalError(requestId);
        }
    }

    /** What the gateway established: never a header, a body or a query; the path's id only when it is one. */
    private static LogEvent requestLine(StructuredLog log, APIGatewayProxyRequestEvent request, String requestId) {
        LogEvent line = log.event("api.request").field("apiRequestId", requestId)
                .field("method", request.getHttpMethod()).field("route", request.getResource());
        Optional.ofNullable(request.getRequestContext())
                .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getAuthorizer)
                .map(authorizer -> authorizer.get("owner"))
                .ifPresent(owner -> line.owner(owner.toString()));
        String route = String.valueOf(request.getResource());
        Optional.ofNullable(request.getPathParameters()).map(parameters -> parameters.get("id"))
                .filter(id -> UUID_FORMAT.matcher(id).matches())
                .map(UUID::fromString)
                .ifPresent(id -> {
                    if (route.endsWith("/render/{id}") || route.startsWith("/edit/")) {
                        line.render(id);
                    } else if (route.endsWith("/assets/{id}")) {
                        line.asset(id);
                    }
                });
        return line;
    }
}
