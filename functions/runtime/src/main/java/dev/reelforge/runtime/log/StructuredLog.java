package dev.reelforge.runtime.log;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;

/**
 * The log of one invocation: every line names the function and the Lambda request id, and is written whole, as one
 * JSON object, by {@link LogEvent}. {@code log.event("render.produced").owner(o).render(id).outcome("encoding").info()}
 */
public final class StructuredLog {

    /** The CloudWatch namespace of every metric. */
    public static final String NAMESPACE = "Reelforge";

    private final String function;
    private final String requestId;
    private final StructuredLogSink sink;
    private final Clock clock;

    StructuredLog(String function, String requestId, StructuredLogSink sink, Clock clock) {
        this.function = function;
        this.requestId = requestId;
        this.sink = sink;
        this.clock = clock;
    }

    /** The log of the invocation {@code context} stands for (see {@link StructuredLogSink} for where it goes). */
    public static StructuredLog of(Context context) {
        StructuredLogSink sink = context.getLogger() instanceof StructuredLogSink own ? own : System.out::println;
        return new StructuredLog(context.getFunctionName(), context.getAwsRequestId(), sink, Clock.systemUTC());
    }

    /** A line about {@code name} (dotted, lower case: {@code render.submitted}), written by its level method. */
    public LogEvent event(String name) {
        return new LogEvent(this, name);
    }

    String function() {
        return function;
    }

    String requestId() {
        return requestId;
    }

    Clock clock() {
        return clock;
    }

    void write(String line) {
        sink.write(line);
    }
}
