package dev.reelforge.shotstack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Shotstack face's one error mapper. Client errors never get here (they are {@link Problem}s); any
 * exception that does is logged in full with the request ids and answered with a generic 500.
 */
public final class ShotstackErrorMapper {

    private ShotstackErrorMapper() {}

    public static APIGatewayProxyResponseEvent guard(APIGatewayProxyRequestEvent request, Context context,
            Supplier<APIGatewayProxyResponseEvent> handler) {
        try {
            return handler.get();
        } catch (RuntimeException failure) {
            String requestId = Optional.ofNullable(request.getRequestContext())
                    .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getRequestId)
                    .orElse(context.getAwsRequestId());
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            context.getLogger().log("ERROR request " + requestId + " (lambda " + context.getAwsRequestId()
                    + ") failed: " + trace);
            return ShotstackResponses.internalError(requestId);
        }
    }
}
