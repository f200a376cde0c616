package dev.reelforge.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The Lambda {@link Context} of one local invocation: its request id, a deadline, and a logger writing to
 * standard error (standard output is kept for what a command prints, such as an invocation's response).
 */
public final class LocalContext implements Context {

    private final String requestId;
    private final String functionName;
    private final String functionArn;
    private final int memoryMb;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    public LocalContext(String requestId, String functionName, String functionArn, int memoryMb,
            long deadlineNanos) {
        this(requestId, functionName, functionArn, memoryMb, deadlineNanos, System.err::println);
    }

    /** A context whose logger hands each line, prefixed with the function and request, to {@code log}. */
    public LocalContext(String requestId, String functionName, String functionArn, int memoryMb,
            long deadlineNanos, Consumer<String> log) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.memoryMb = memoryMb;
        this.deadlineNanos = deadlineNanos;
        this.logger = new PrefixedLogger(functionName + " " + requestId, log);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
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
        return functionArn;
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
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    private record PrefixedLogger(String prefix, Consumer<String> sink) implements LambdaLogger {

        @Override
        public void log(String message) {
            sink.accept("[" + prefix + "] " + message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
