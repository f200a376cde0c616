package dev.reelforge.hosting.promote;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.aws.s3.S3HostingCopier;
import dev.reelforge.core.asset.PromoteOutput;
import dev.reelforge.core.asset.PromoteOutputCommand;
import dev.reelforge.core.asset.PromoteOutputResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

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
        this(System.getenv());
    }

    /** Wires the real parts from the given environment variables; the embedded stack passes each function its own. */
    public PromoteOutputFunction(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** As {@link #PromoteOutputFunction(Map)}, telling time by {@code clock}: the embedded stack's is controllable. */
    public PromoteOutputFunction(Map<String, String> environment, Clock clock) {
        this(wire(PromoteOutputSettings.from(new EnvironmentVariables(environment)), Clock.tick(clock, Duration.ofMillis(1))));
    }

    public PromoteOutputFunction(PromoteOutput promoteOutput) {
        this.promoteOutput = promoteOutput;
    }

    private static PromoteOutput wire(PromoteOutputSettings settings, Clock clock) {
        S3Client s3 = AwsClients.s3(settings.aws());
        return new PromoteOutput(
                new DynamoDbRenders(AwsClients.dynamoDb(settings.aws()), settings.rendersTable()),
                new DynamoDbAssets(AwsClients.dynamoDb(settings.aws()), settings.assetsTable()),
                new S3HostingCopier(s3, settings.hostingBucket()),
                new S3HostedFiles(s3, settings.hostingBucket(), AwsClients.cloudFront(settings.aws()),
                        settings.hostingDistributionId()),
                clock,
                new PromoteOutput.Hosting(settings.aws().region().id(), settings.cdnUrl()));
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
            case PromoteOutputResult.Ignored ignored -> "ignored: " + ignored.reason();
        };
    }
}
