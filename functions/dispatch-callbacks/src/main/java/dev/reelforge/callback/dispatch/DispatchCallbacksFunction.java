package dev.reelforge.callback.dispatch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.aws.dynamodb.DynamoDbDeliveries;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.aws.sqs.SqsCallbackQueue;
import dev.reelforge.core.callback.DispatchCallback;
import dev.reelforge.core.callback.DispatchCallbackCommand;
import dev.reelforge.core.callback.DispatchCallbackResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The streams of the renders and assets tables, filtered (template.yaml) to renders that became {@code done} or
 * {@code failed} and assets that became {@code ready} or {@code failed}: each becomes a callback delivery when its
 * render asked for one. A record that cannot be dispatched now (an outage) is reported as a batch item failure, so
 * Lambda retries it; a stream keeps records until they succeed, so no callback is lost on the way to the queue.
 */
public final class DispatchCallbacksFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final DispatchCallback dispatchCallback;
    private final String assetsTable;

    public DispatchCallbacksFunction() {
        this(System.getenv());
    }

    /** Wires the real parts from the given environment variables; the embedded stack passes each function its own. */
    public DispatchCallbacksFunction(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** As {@link #DispatchCallbacksFunction(Map)}, telling time by {@code clock}: the embedded stack's is controllable. */
    public DispatchCallbacksFunction(Map<String, String> environment, Clock clock) {
        this(DispatchCallbacksSettings.from(new EnvironmentVariables(environment)),
                Clock.tick(clock, Duration.ofMillis(1)));
    }

    private DispatchCallbacksFunction(DispatchCallbacksSettings settings, Clock clock) {
        this(wire(settings, clock), settings.assetsTable());
    }

    /** @param assetsTable the name of the assets table: its stream's records are about assets */
    public DispatchCallbacksFunction(DispatchCallback dispatchCallback, String assetsTable) {
        this.dispatchCallback = dispatchCallback;
        this.assetsTable = assetsTable;
    }

    private static DispatchCallback wire(DispatchCallbacksSettings settings, Clock clock) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(settings.aws());
        return new DispatchCallback(new DynamoDbRenders(dynamoDb, settings.rendersTable()),
                new DynamoDbAssets(dynamoDb, settings.assetsTable()),
                new DynamoDbDeliveries(dynamoDb, settings.deliveriesTable()),
                SqsCallbackQueue.of(settings.queue(), settings.aws()), clock);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            Optional<DispatchCallbackCommand> command = commandOf(record);
            if (command.isEmpty()) {
                continue;
            }
            try {
                context.getLogger().log(describe(command.get(), dispatchCallback.dispatch(command.get())));
            } catch (RuntimeException outage) {
                context.getLogger().log(command.get() + " will be retried: " + outage);
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }

    private Optional<DispatchCallbackCommand> commandOf(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> image = record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
        if (image == null || !image.containsKey("owner") || !image.containsKey("id") || !image.containsKey("status")) {
            return Optional.empty();
        }
        String owner = image.get("owner").getS();
        UUID id = UUID.fromString(image.get("id").getS());
        String status = image.get("status").getS();
        if (isFromTable(record, assetsTable)) {
            return Optional.of(new DispatchCallbackCommand(owner, UUID.fromString(image.get("renderId").getS()),
                    Optional.of(id), status));
        }
        return Optional.of(new DispatchCallbackCommand(owner, id, Optional.empty(), status));
    }

    /** A stream's ARN names its table: {@code arn:aws:dynamodb:{region}:{account}:table/{name}/stream/{label}}. */
    private static boolean isFromTable(DynamodbEvent.DynamodbStreamRecord record, String table) {
        String arn = record.getEventSourceARN();
        return arn != null && arn.contains(":table/" + table + "/stream/");
    }

    private static String describe(DispatchCallbackCommand command, DispatchCallbackResult result) {
        String subject = command.assetId().map(asset -> "asset " + asset).orElse("render " + command.renderId());
        return subject + " " + command.status() + ": " + switch (result) {
            case DispatchCallbackResult.Dispatched dispatched -> "callback " + dispatched.deliveryId() + " queued";
            case DispatchCallbackResult.AlreadyDispatched already -> "callback " + already.deliveryId()
                    + " was queued before";
            case DispatchCallbackResult.SentAgain again -> "callback " + again.deliveryId()
                    + " not attempted yet: queued again";
            case DispatchCallbackResult.NothingToSend nothing -> nothing.reason();
        };
    }
}
