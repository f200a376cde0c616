package dev.reelforge.callbacks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.sqs.SqsCallbackQueue;
import dev.reelforge.core.callback.DeliverCallback;
import dev.reelforge.core.callback.DeliverCallbackCommand;
import dev.reelforge.core.callback.DeliverCallbackResult;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.MetricUnit;
import dev.reelforge.sources.GuardedWebhookPoster;
import java.time.Duration;

/**
 * The callbacks queue: each message names a delivery, whose next attempt this makes (see {@link DeliverCallback}).
 * Every expected outcome, a failed POST included, acknowledges the message (the retry is scheduled by the use case);
 * only an outage of our own (DynamoDB, SQS) reports the message as a batch item failure, so SQS delivers it again
 * and, after the queue's maxReceiveCount, moves it to the dead-letter queue.
 */
public final class SendCallbacksFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final DeliverCallback deliverCallback;

    public SendCallbacksFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public SendCallbacksFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment), environment));
    }

    public SendCallbacksFunction(DeliverCallback deliverCallback) {
        this.deliverCallback = deliverCallback;
    }

    private static DeliverCallback wire(DynamoDbTables tables, FunctionEnvironment environment) {
        return new DeliverCallback(tables.deliveries(), tables.webhookSecrets(),
                new GuardedWebhookPoster(environment.requiredFlag("ALLOW_LOOPBACK_CALLBACKS")),
                SqsCallbackQueue.of(environment), environment.clock());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return BatchItemFailures.ofQueue(event, context, (message, log) -> {
            String deliveryId = message.getBody().strip();
            long started = System.nanoTime();
            DeliverCallbackResult result = deliverCallback.deliver(new DeliverCallbackCommand(deliveryId));
            logDelivered(log.event("callback.delivered").delivery(deliveryId), result,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        });
    }

    /**
     * {@code callback.delivered}; an attempt made adds the metrics {@code CallbackDeliveryDuration} (the attempt,
     * post included) and {@code CallbackAttempt} (its number). Errors name the receiver's answer, never its URL.
     */
    private static void logDelivered(LogEvent line, DeliverCallbackResult result, long millis) {
        switch (result) {
            case DeliverCallbackResult.Delivered delivered -> attempt(line.outcome("delivered"), delivered.attempt(), millis)
                    .field("status", delivered.status()).info();
            case DeliverCallbackResult.Stopped stopped -> attempt(line.outcome("stopped"), stopped.attempt(), millis)
                    .field("status", 410).info();
            case DeliverCallbackResult.RetryScheduled retry -> attempt(line.outcome("retry_scheduled"), retry.attempt(),
                    millis).field("error", retry.error()).field("nextAttemptAt", retry.nextAttemptAt().toString()).warn();
            case DeliverCallbackResult.DeadLettered dead -> attempt(line.outcome("dead_lettered"), dead.attempt(), millis)
                    .field("error", dead.reason()).warn();
            case DeliverCallbackResult.AlreadyFinal done -> line.outcome("already_final")
                    .field("state", done.state().wireName()).info();
            case DeliverCallbackResult.Superseded superseded -> line.outcome("superseded")
                    .field("attempt", superseded.attempt()).info();
            case DeliverCallbackResult.NotFound missing -> line.outcome("not_found").warn();
        }
    }

    private static LogEvent attempt(LogEvent line, int attempt, long millis) {
        return line.field("attempt", attempt).metric("CallbackDeliveryDuration", millis, MetricUnit.MILLISECONDS)
                .metric("CallbackAttempt", attempt, MetricUnit.COUNT);
    }
}
