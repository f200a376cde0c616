package dev.reelforge.hosting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.core.asset.PromoteOutput;
import dev.reelforge.core.asset.PromoteOutputCommand;
import dev.reelforge.core.asset.PromoteOutputResult;
import dev.reelforge.runtime.FunctionEnvironment;
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

    public PromoteOutputFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public PromoteOutputFunction(FunctionEnvironment environment) {
        this(wire(environment));
    }

    public PromoteOutputFunction(PromoteOutput promoteOutput) {
        this.promoteOutput = promoteOutput;
    }

    private static PromoteOutput wire(FunctionEnvironment environment) {
        DynamoDbTables tables = DynamoDbTables.of(environment);
        S3Buckets buckets = S3Buckets.of(environment);
        return new PromoteOutput(tables.renders(), tables.assets(), buckets.hostingCopier(),
                CdnHostedFiles.of(buckets, environment), environment.clock(),
                new PromoteOutput.Hosting(environment.required("AWS_REGION"),
                        environment.requiredHttpUrl("CDN_URL").toString()));
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
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
                String outcome = describe(promoteOutput.promote(new PromoteOutputCommand(bucket, key)));
                context.getLogger().log(key + ": " + outcome);
                outcomes.add(outcome);
            } catch (RuntimeException e) {
                context.getLogger().log(key + ": will be retried: " + e);
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
