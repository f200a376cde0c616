package dev.reelforge.runtime.priming;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.reelforge.runtime.log.StructuredLogSink;
import java.util.List;
import java.util.Map;

/**
 * The Lambda context a priming request runs with: its logger takes the handler's structured lines and drops them,
 * so a made-up request leaves no {@code render.submitted} (or any) line and no metric in the function's logs.
 */
public final class PrimingInvocation implements Context {

    private final String functionName;

    public PrimingInvocation(String functionName) {
        this.functionName = functionName;
    }

    /**
     * A made-up API Gateway request as a face's authorizer passes it on: {@code authorizer} is the context it sets
     * ({@code owner}, {@code environment}, ...); {@code body} may be null.
     */
    public static APIGatewayProxyRequestEvent apiRequest(String method, Map<String, String> pathParameters,
            String body, Map<String, Object> authorizer) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withRequestId("priming");
        context.setAuthorizer(authorizer);
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withMultiValueHeaders(Map.of("Content-Type", List.of("application/json")))
                .withPathParameters(pathParameters)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context);
    }

    @Override
    public String getAwsRequestId() {
        return "priming";
    }

    @Override
    public String getLogGroupName() {
        return "priming";
    }

    @Override
    public String getLogStreamName() {
        return "priming";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 10_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new DroppedLines();
    }

    private static final class DroppedLines implements LambdaLogger, StructuredLogSink {
        @Override
        public void write(String jsonLine) {}

        @Override
        public void log(String message) {}

        @Override
        public void log(byte[] message) {}
    }
}
