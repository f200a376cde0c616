package dev.reelforge.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.runtime.log.StructuredLogSink;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The Lambda {@link Context} of one local invocation: its request id, a deadline, and a logger writing to
 * standard error (standard output is kept for what a command prints, such as an invocation's response). Lines
 * come out as Lambda writes them with the JSON log format (template.yaml's {@code LoggingConfig}): a function's
 * structured lines whole ({@link StructuredLogSink}), anything logged through {@link LambdaLogger} as the message
 * of Lambda's own {@code {"timestamp", "level", "message", "AWSRequestId"}} object.
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

    /** A context whose logger hands each line, a JSON object, to {@code log}. */
    public LocalContext(String requestId, String functionName, String functionArn, int memoryMb,
            long deadlineNanos, Consumer<String> log) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.memoryMb = memoryMb;
        this.deadlineNanos = deadlineNanos;
        this.logger = new JsonLinesLogger(requestId, log);
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

    private record JsonLinesLogger(String requestId, Consumer<String> sink) implements LambdaLogger, StructuredLogSink {

        private static final DateTimeFormatter TIMESTAMP =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

        @Override
        public void write(String jsonLine) {
            sink.accept(jsonLine);
        }

        @Override
        public void log(String message) {
            log(message, LogLevel.UNDEFINED);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        /** As Lambda's JSON log formatter writes it; a message without a level counts as INFO, as Lambda reads it. */
        @Override
        public void log(String message, LogLevel level) {
            ObjectNode line = Json.object()
                    .put("timestamp", TIMESTAMP.format(Instant.now()))
                    .put("level", level == LogLevel.UNDEFINED ? LogLevel.INFO.name() : level.name())
                    .put("message", message)
                    .put("AWSRequestId", requestId);
            sink.accept(Json.write(line));
        }
    }
}
