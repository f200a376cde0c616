package dev.reelforge.callback.send;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.dynamodb.DynamoDbDeliveries;
import dev.reelforge.aws.dynamodb.DynamoDbWebhookSecrets;
import dev.reelforge.aws.sqs.SqsCallbackQueue;
import dev.reelforge.core.callback.DeliverCallback;
import dev.reelforge.core.callback.DeliverCallbackCommand;
import dev.reelforge.core.callback.DeliverCallbackResult;
import dev.reelforge.sources.GuardedWebhookPoster;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The callbacks queue: each message names a delivery, whose next attempt this makes (see {@link DeliverCallback}).
 * Every expected outcome, a failed POST included, acknowledges the message (the retry is scheduled by the use case);
 * only an outage of our own (DynamoDB, SQS) reports the message as a batch item failure, so SQS delivers it again
 * and, after the queue's maxReceiveCount, moves it to the dead-letter queue.
 */
public final class SendCallbacksFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final DeliverCallback deliverCallback;

    public SendCallbacksFunction() {
        this(System.getenv());
    }

    /** Wires the real parts from the given environment variables; the embedded stack passes each function its own. */
    public SendCallbacksFunction(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** As {@link #SendCallbacksFunction(Map)}, telling time by {@code clock}: the embedded stack's is controllable. */
    public SendCallbacksFunction(Map<String, String> environment, Clock clock) {
        this(wire(SendCallbacksSettings.from(new EnvironmentVariables(environment)),
                Clock.tick(clock, Duration.ofMillis(1))));
    }

    public SendCallbacksFunction(DeliverCallback deliverCallback) {
        this.deliverCallback = deliverCallback;
    }

    private static DeliverCallback wire(SendCallbacksSettings settings, Clock clock) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(settings.aws());
        return new DeliverCallback(new DynamoDbDeliveries(dynamoDb, settings.deliveriesTable()),
                new DynamoDbWebhookSecrets(dynamoDb, settings.accountsTable(), new SecureRandom()),
                new GuardedWebhookPoster(settings.allowLoopbackCallbacks()),
                SqsCallbackQueue.of(settings.queue(), settings.aws()), clock);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String deliveryId = message.getBody().strip();
            try {
                DeliverCallbackResult result = deliverCallback.deliver(new DeliverCallbackCommand(deliveryId));
                context.getLogger().log("callback " + deliveryId + ": " + describe(result));
            } catch (RuntimeException outage) {
                context.getLogger().log("callback " + deliveryId + " will be retried: " + outage);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
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
