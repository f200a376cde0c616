package dev.reelforge.ibm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The IBM face's one error mapper. Client errors never get here (they are {@link IbmError}s); any exception that
 * does is logged in full with the request ids and answered with IBM's 503 naming the request id, never a 500 and
 * never a trace. Every request is logged once, as {@code api.request}: its route, status, outcome and owner.
 */
public final class IbmErrorMapper {

    private IbmErrorMapper() {}

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
            requestLine(log, request, requestId).outcome("failed").field("status", 503).failure(failure).error();
            return IbmResponses.serviceUnavailable(requestId);
        }
    }

    /** What the gateway established: never a header, a body or a query. */
    private static LogEvent requestLine(StructuredLog log, APIGatewayProxyRequestEvent request, String requestId) {
        LogEvent line = log.event("api.request").field("apiRequestId", requestId)
                .field("method", request.getHttpMethod()).field("route", request.getResource());
        Optional.ofNullable(request.getRequestContext())
                .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getAuthorizer)
                .map(authorizer -> authorizer.get(IbmRequest.OWNER))
                .ifPresent(owner -> line.owner(owner.toString()));
        return line;
    }
}
