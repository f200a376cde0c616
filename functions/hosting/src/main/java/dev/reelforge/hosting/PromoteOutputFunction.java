package dev.reelforge.hosting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3DestinationCopier;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.PromoteOutput;
import dev.reelforge.core.asset.PromoteOutputCommand;
import dev.reelforge.core.asset.PromoteOutputResult;
import dev.reelforge.core.destination.BucketGrants;
import dev.reelforge.core.destination.DeliverOutput;
import dev.reelforge.core.destination.DeliverOutputCommand;
import dev.reelforge.core.destination.DeliverOutputResult;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.MetricUnit;
import dev.reelforge.runtime.log.StructuredLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * S3 ObjectCreated on the temporary bucket ({@code renders/} prefix): hosts each render output written there.
 *
 * <p>Lambda invokes it asynchronously and, when it throws, delivers the <em>whole</em> event again (up to
 * twice, template.yaml's EventInvokeConfig). So every record of an event is promoted even when an earlier one
 * fails, and the first failure is thrown after the last record: the redelivery then finds the records that
 * succeeded already finished ({@link PromoteOutputResult.AlreadyFinished}, nothing copied again) and retries
 * only the copy that failed. S3 sends one record per event today; the loop keeps a batch safe all the same.
 */
public final class PromoteOutputFunction implements RequestHandler<S3Event, String> {

    private final PromoteOutput promoteOutput;
    private final DeliverOutput deliverOutput;

    public PromoteOutputFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public PromoteOutputFunction(FunctionEnvironment environment) {
        this(wire(environment), deliver(environment));
    }

    public PromoteOutputFunction(PromoteOutput promoteOutput, DeliverOutput deliverOutput) {
        this.promoteOutput = promoteOutput;
        this.deliverOutput = deliverOutput;
    }

    private static DeliverOutput deliver(FunctionEnvironment environment) {
        BucketGrants grants = environment.optional("S3_DESTINATION_GRANTS").map(BucketGrants::parse)
                .orElse(BucketGrants.NONE);
        return new DeliverOutput(DynamoDbTables.of(environment).renders(),
                new S3DestinationCopier(S3Buckets.client(environment), grants, new StsRoleClients(environment)));
    }

    private static PromoteOutput wire(FunctionEnvironment environment) {
        DynamoDbTables tables = DynamoDbTables.of(environment);
        S3Buckets buckets = S3Buckets.of(environment);
        return new PromoteOutput(tables.renders(), tables.assets(), buckets.hostingCopier(),
                CdnHostedFiles.of(buckets, environment), tables.videos(), environment.clock(),
                new PromoteOutput.Hosting(environment.required("AWS_REGION"),
                        environment.requiredHttpUrl("CDN_URL").toString()));
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        StructuredLog log = StructuredLog.of(context);
        List<String> outcomes = new ArrayList<>();
        RuntimeException failure = null;
        for (S3EventNotificationRecord record : event.getRecords()) {
            if (record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated:")) {
                outcomes.add("ignored " + record.getEventName());
                continue;
            }
            String bucket = record.getS3().getBucket().getName();
            // Keys arrive URL-encoded (a space as +); the object's own key is the decoded one.
            String key = record.getS3().getObject().getUrlDecodedKey();
            try {
                long started = System.nanoTime();
                PromoteOutputResult result = promoteOutput.promote(new PromoteOutputCommand(bucket, key));
                logPromoted(log, key, result, Duration.ofNanos(System.nanoTime() - started).toMillis());
                outcomes.add(describe(result));
                DeliverOutputResult delivered = deliverOutput.deliver(new DeliverOutputCommand(bucket, key));
                logDelivered(log, key, delivered);
            } catch (RuntimeException e) {
                log.event("asset.promoted").outcome("retried").field("key", key).failure(e)
                        .metric("PromotionFailures", 1, MetricUnit.COUNT).error();
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return String.join("; ", outcomes);
    }

    /**
     * {@code asset.promoted}; a copy made adds the metrics {@code PromotionDuration} and {@code PromotionFailures}
     * (0), an output lost for good {@code PromotionFailures} (1), as does a copy that failed and will be retried.
     */
    private static void logPromoted(StructuredLog log, String key, PromoteOutputResult result, long millis) {
        LogEvent line = log.event("asset.promoted").field("key", key);
        switch (result) {
            case PromoteOutputResult.Promoted promoted -> assetLine(line, promoted.asset()).outcome("promoted")
                    .metric("PromotionDuration", millis, MetricUnit.MILLISECONDS)
                    .metric("PromotionFailures", 0, MetricUnit.COUNT).info();
            case PromoteOutputResult.AlreadyFinished finished -> assetLine(line, finished.asset())
                    .outcome("already_finished").field("status", finished.asset().status().wireName()).info();
            case PromoteOutputResult.Discarded discarded -> assetLine(line, discarded.asset()).outcome("discarded")
                    .field("status", discarded.asset().status().wireName()).info();
            case PromoteOutputResult.Failed failed -> assetLine(line, failed.asset()).outcome("failed")
                    .field("error", failed.asset().error().orElse(null))
                    .metric("PromotionFailures", 1, MetricUnit.COUNT).warn();
            case PromoteOutputResult.Skipped skipped -> line.render(skipped.renderId()).outcome("skipped")
                    .field("reason", "the render's edit excludes hosting").info();
            case PromoteOutputResult.Cancelled cancelled -> line.render(cancelled.renderId()).outcome("cancelled")
                    .field("reason", "the render was cancelled").info();
            case PromoteOutputResult.Ignored ignored -> line.outcome("ignored").field("reason", ignored.reason())
                    .info();
        }
    }

    /**
     * {@code destination.delivered} per s3 destination: outcome {@code delivered} (bucket, key, bytes) or
     * {@code refused} (a warning with the bucket's reason and the metric {@code DestinationFailures} 1): a refused
     * copy is not retried, this line is what the owner sees of it.
     */
    private static void logDelivered(StructuredLog log, String key, DeliverOutputResult result) {
        if (!(result instanceof DeliverOutputResult.Delivered delivered)) {
            return;
        }
        for (DeliverOutputResult.Delivery delivery : delivered.deliveries()) {
            LogEvent line = log.event("destination.delivered").owner(delivered.render().owner())
                    .render(delivered.render().id()).field("key", key)
                    .field("destination", "output.destinations[" + delivery.destination().index() + "]");
            DestinationDeliveryLine.write(line, delivery.outcome());
        }
    }

    private static LogEvent assetLine(LogEvent line, Asset asset) {
        return line.owner(asset.owner()).render(asset.renderId()).asset(asset.id());
    }

    private static String describe(PromoteOutputResult result) {
        return switch (result) {
            case PromoteOutputResult.Promoted promoted -> "promoted: asset " + promoted.asset().id() + " ready at "
                    + promoted.asset().url().orElseThrow();
            case PromoteOutputResult.AlreadyFinished finished -> "already finished: asset " + finished.asset().id()
                    + " is " + finished.asset().status().wireName();
            case PromoteOutputResult.Discarded discarded -> "discarded: asset " + discarded.asset().id() + " became "
                    + discarded.asset().status().wireName() + " during the copy, which was removed";
            case PromoteOutputResult.Failed failed -> "failed: asset " + failed.asset().id() + ": "
                    + failed.asset().error().orElse("");
            case PromoteOutputResult.Skipped skipped -> "skipped: render " + skipped.renderId()
                    + " excludes hosting, so " + skipped.filename() + " is not hosted";
            case PromoteOutputResult.Cancelled cancelled -> "cancelled: render " + cancelled.renderId()
                    + " was cancelled, so " + cancelled.filename() + " is not hosted";
            case PromoteOutputResult.Ignored ignored -> "ignored: " + ignored.reason();
        };
    }
}
