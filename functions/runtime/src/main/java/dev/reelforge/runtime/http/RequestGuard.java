package dev.reelforge.runtime.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every API handler does around its work, whatever its face: logs the request once, as {@code api.request} (its
 * route, status and outcome, the caller's owner, and what the face adds from the path), and answers any exception
 * that escapes with the face's one generic failure, which names the request id and nothing else. Client errors never
 * get here: they are answers.
 */
public final class RequestGuard {

    private final int failureStatus;
    private final Function<String, APIGatewayProxyResponseEvent> failureAnswer;
    private final BiConsumer<APIGatewayProxyRequestEvent, LogEvent> pathIds;

    /**
     * @param failureStatus the status of the face's generic failure (Shotstack 500, IBM 503)
     * @param failureAnswer that answer, given the request id
     * @param pathIds       adds to the request's log line the ids its path names (never a header, body or query)
     */
    public RequestGuard(int failureStatus, Function<String, APIGatewayProxyResponseEvent> failureAnswer,
            BiConsumer<APIGatewayProxyRequestEvent, LogEvent> pathIds) {
        this.failureStatus = failureStatus;
        this.failureAnswer = failureAnswer;
        this.pathIds = pathIds;
    }

    public APIGatewayProxyResponseEvent guard(APIGatewayProxyRequestEvent request, Context context,
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
            requestLine(log, request, requestId).outcome("failed").field("status", failureStatus).failure(failure)
                    .error();
            return failureAnswer.apply(requestId);
        }
    }

    /** What the gateway established: never a header, a body or a query. */
    private LogEvent requestLine(StructuredLog log, APIGatewayProxyRequestEvent request, String requestId) {
        LogEvent line = log.event("api.request").field("apiRequestId", requestId)
                .field("method", request.getHttpMethod()).field("route", request.getResource());
        new ProxyRequest(request).authorizerValue("owner").ifPresent(line::owner);
        pathIds.accept(request, line);
        return line;
    }
}
