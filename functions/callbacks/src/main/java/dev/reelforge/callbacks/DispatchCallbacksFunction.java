package dev.reelforge.callbacks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.sqs.SqsCallbackQueue;
import dev.reelforge.core.callback.DispatchCallback;
import dev.reelforge.core.callback.DispatchCallbackCommand;
import dev.reelforge.core.callback.DispatchCallbackResult;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public DispatchCallbacksFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment), environment), environment.required("ASSETS_TABLE"));
    }

    /** @param assetsTable the name of the assets table: its stream's records are about assets */
    public DispatchCallbacksFunction(DispatchCallback dispatchCallback, String assetsTable) {
        this.dispatchCallback = dispatchCallback;
        this.assetsTable = assetsTable;
    }

    private static DispatchCallback wire(DynamoDbTables tables, FunctionEnvironment environment) {
        return new DispatchCallback(tables.renders(), tables.assets(), tables.deliveries(),
                SqsCallbackQueue.of(environment), environment.clock());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return BatchItemFailures.ofStream(event, context, record -> commandOf(record)
                .map(command -> describe(command, dispatchCallback.dispatch(command))));
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
            case DispatchCallbackResult.NothingToSend nothing -> nothing.reason();
        };
    }
}
