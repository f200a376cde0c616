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
import dev.reelforge.sources.GuardedWebhookPoster;

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
        return BatchItemFailures.ofQueue(event, context, message -> {
            String deliveryId = message.getBody().strip();
            return "callback " + deliveryId + ": " + describe(deliverCallback.deliver(new DeliverCallbackCommand(deliveryId)));
        });
    }

    private static String describe(DeliverCallbackResult result) {
        return switch (result) {
            case DeliverCallbackResult.Delivered delivered -> "delivered at attempt " + delivered.attempt() + " ("
                    + delivered.status() + ")";
            case DeliverCallbackResult.Stopped stopped -> "stopped by 410 Gone at attempt " + stopped.attempt();
            case DeliverCallbackResult.RetryScheduled retry -> "attempt " + retry.attempt() + " failed ("
                    + retry.error() + "); next at " + retry.nextAttemptAt();
            case DeliverCallbackResult.DeadLettered dead -> "dead-lettered after attempt " + dead.attempt() + ": "
                    + dead.reason();
            case DeliverCallbackResult.AlreadyFinal done -> "already " + done.state().wireName();
            case DeliverCallbackResult.Superseded superseded -> "attempt " + superseded.attempt()
                    + " was made by another copy of the message";
            case DeliverCallbackResult.NotFound missing -> "no such delivery";
        };
    }
}
