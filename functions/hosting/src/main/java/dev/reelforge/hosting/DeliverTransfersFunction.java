package dev.reelforge.hosting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.dynamodb.DynamoDbTransfers;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3DestinationCopier;
import dev.reelforge.core.destination.BucketGrants;
import dev.reelforge.core.destination.DeliverOutputResult;
import dev.reelforge.core.destination.S3Destination;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.transfer.DeliverTransfer;
import dev.reelforge.core.transfer.DeliverTransferCommand;
import dev.reelforge.core.transfer.DeliverTransferResult;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The assets table's stream, filtered to transfers with s3 destinations whose asset became {@code ready}
 * (template.yaml): copies each one's hosted file to those buckets ({@link DeliverTransfer}), as
 * {@link PromoteOutputFunction} does a render's outputs. A refused copy is logged ({@code destination.delivered},
 * outcome {@code refused}); a failure that may pass is a batch item failure, retried by Lambda.
 */
public final class DeliverTransfersFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final DeliverTransfer deliverTransfer;

    public DeliverTransfersFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public DeliverTransfersFunction(FunctionEnvironment environment) {
        this(wire(environment));
    }

    public DeliverTransfersFunction(DeliverTransfer deliverTransfer) {
        this.deliverTransfer = deliverTransfer;
    }

    private static DeliverTransfer wire(FunctionEnvironment environment) {
        BucketGrants grants = environment.optional("S3_DESTINATION_GRANTS").map(BucketGrants::parse)
                .orElse(BucketGrants.NONE);
        return new DeliverTransfer(DynamoDbTables.of(environment).assets(),
                new S3DestinationCopier(S3Buckets.client(environment), grants, new StsRoleClients(environment)),
                environment.required("HOSTING_BUCKET"));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return BatchItemFailures.ofStream(event, context, (record, log) -> commandOf(record)
                .ifPresent(command -> logDelivered(log, deliverTransfer.deliver(command))));
    }

    private static Optional<DeliverTransferCommand> commandOf(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> image = record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
        if (image == null || !image.containsKey("owner") || !image.containsKey("id")
                || !image.containsKey(DynamoDbTransfers.TRANSFER_DESTINATIONS)) {
            return Optional.empty();
        }
        return Optional.of(new DeliverTransferCommand(image.get("owner").getS(),
                UUID.fromString(image.get("id").getS()), S3Destination.ofDestinations(
                        Json.parseTrusted(image.get(DynamoDbTransfers.TRANSFER_DESTINATIONS).getS()))));
    }

    /** {@code destination.delivered} per s3 destination, as for a render's outputs. */
    private static void logDelivered(StructuredLog log, DeliverTransferResult result) {
        if (!(result instanceof DeliverTransferResult.Delivered delivered)) {
            return;
        }
        for (DeliverOutputResult.Delivery delivery : delivered.deliveries()) {
            LogEvent line = log.event("destination.delivered").owner(delivered.asset().owner())
                    .asset(delivered.asset().id()).field("key", delivered.asset().filename())
                    .field("destination", "destinations[" + delivery.destination().index() + "]");
            DestinationDeliveryLine.write(line, delivery.outcome());
        }
    }
}
