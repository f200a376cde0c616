package dev.reelforge.callback.retry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.dynamodb.DynamoDbDeliveries;
import dev.reelforge.aws.sqs.SqsCallbackQueue;
import dev.reelforge.core.callback.RetryDueCallbacks;
import dev.reelforge.core.callback.RetryDueCallbacksCommand;
import dev.reelforge.core.callback.RetryDueCallbacksResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** On a schedule: puts callbacks whose next attempt is due back on the queue (see {@link RetryDueCallbacks}). */
public final class RetryCallbacksFunction implements RequestHandler<ScheduledEvent, String> {

    /** Deliveries re-queued per run; more wait for the next minute. */
    static final int BATCH = 500;

    private final RetryDueCallbacks retryDueCallbacks;

    public RetryCallbacksFunction() {
        this(System.getenv());
    }

    /** Wires the real parts from the given environment variables; the embedded stack passes each function its own. */
    public RetryCallbacksFunction(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** As {@link #RetryCallbacksFunction(Map)}, telling time by {@code clock}: the embedded stack's is controllable. */
    public RetryCallbacksFunction(Map<String, String> environment, Clock clock) {
        this(wire(RetryCallbacksSettings.from(new EnvironmentVariables(environment)),
                Clock.tick(clock, Duration.ofMillis(1))));
    }

    public RetryCallbacksFunction(RetryDueCallbacks retryDueCallbacks) {
        this.retryDueCallbacks = retryDueCallbacks;
    }

    private static RetryDueCallbacks wire(RetryCallbacksSettings settings, Clock clock) {
        return new RetryDueCallbacks(new DynamoDbDeliveries(AwsClients.dynamoDb(settings.aws()),
                settings.deliveriesTable()), SqsCallbackQueue.of(settings.queue(), settings.aws()), clock);
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        RetryDueCallbacksResult result = retryDueCallbacks.sweep(new RetryDueCallbacksCommand(BATCH));
        result.enqueued().forEach(id -> context.getLogger().log("callback " + id + " is due: queued again"));
        return "queued " + result.enqueued().size() + " due callback(s)";
    }
}
