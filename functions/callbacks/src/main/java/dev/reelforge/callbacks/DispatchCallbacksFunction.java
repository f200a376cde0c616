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
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.MetricUnit;
import dev.reelforge.runtime.log.StructuredLog;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
        return BatchItemFailures.ofStream(event, context, (record, log) -> commandOf(record).ifPresent(command -> {
            logDispatched(log, command, dispatchCallback.dispatch(command));
            if (command.assetId().isEmpty()) {
                logFinished(log, command, record.getDynamodb().getNewImage());
            }
        }));
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

    /** {@code callback.dispatched}. */
    private static void logDispatched(StructuredLog log, DispatchCallbackCommand command, DispatchCallbackResult result) {
        LogEvent line = log.event("callback.dispatched").owner(command.owner()).render(command.renderId())
                .asset(command.assetId().orElse(null)).field("status", command.status());
        switch (result) {
            case DispatchCallbackResult.Dispatched dispatched -> line.delivery(dispatched.deliveryId())
                    .outcome("dispatched").info();
            case DispatchCallbackResult.AlreadyDispatched already -> line.delivery(already.deliveryId())
                    .outcome("already_dispatched").info();
            case DispatchCallbackResult.SentAgain again -> line.delivery(again.deliveryId())
                    .outcome("sent_again").info();
            case DispatchCallbackResult.NothingToSend nothing -> line.outcome("nothing_to_send")
                    .field("reason", nothing.reason()).info();
        }
    }

    /**
     * {@code render.finished}, with the metric {@code RenderDuration}: submission to done or failed, as the record
     * dates them. Every render's end passes this stream once (whichever function ended it), so it is counted here.
     */
    private static void logFinished(StructuredLog log, DispatchCallbackCommand command,
            Map<String, AttributeValue> image) {
        LogEvent line = log.event("render.finished").owner(command.owner()).render(command.renderId())
                .outcome(command.status());
        timeOf(image, "created").flatMap(created -> timeOf(image, "updated")
                        .map(updated -> Math.max(0, Duration.between(created, updated).toMillis())))
                .ifPresent(millis -> line.metric("RenderDuration", millis, MetricUnit.MILLISECONDS));
        line.info();
    }

    private static Optional<Instant> timeOf(Map<String, AttributeValue> image, String attribute) {
        try {
            return Optional.ofNullable(image.get(attribute)).map(AttributeValue::getS).map(Instant::parse);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
