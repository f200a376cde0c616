package dev.reelforge.callbacks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.sqs.SqsCallbackQueue;
import dev.reelforge.core.ingest.DispatchSourceCallbacks;
import dev.reelforge.core.ingest.DispatchSourceCallbacksCommand;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sources table's stream, sources that changed once ready or failed (template.yaml filters them): the source and
 * each rendition that ended are told to the source's callback ({@link DispatchSourceCallbacks}), through the same
 * deliveries, queue and sender as renders' callbacks.
 */
public final class DispatchSourceCallbacksFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final DispatchSourceCallbacks dispatch;

    public DispatchSourceCallbacksFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    public DispatchSourceCallbacksFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment), environment));
    }

    public DispatchSourceCallbacksFunction(DispatchSourceCallbacks dispatch) {
        this.dispatch = dispatch;
    }

    private static DispatchSourceCallbacks wire(DynamoDbTables tables, FunctionEnvironment environment) {
        return new DispatchSourceCallbacks(tables.sources(), tables.deliveries(), SqsCallbackQueue.of(environment),
                environment.clock());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return BatchItemFailures.ofStream(event, context, (record, log) -> {
            Map<String, AttributeValue> image = record.getDynamodb() == null ? null
                    : record.getDynamodb().getNewImage();
            if (image == null || !image.containsKey("owner") || !image.containsKey("id")) {
                return;
            }
            String owner = image.get("owner").getS();
            UUID id = UUID.fromString(image.get("id").getS());
            List<String> sent = dispatch.dispatch(new DispatchSourceCallbacksCommand(owner, id));
            log.event("source.callbacks.dispatched").owner(owner).field("sourceId", id.toString())
                    .field("dispatched", sent.size()).info();
        });
    }
}
