package dev.reelforge.hosting.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.core.asset.FailStuckAssets;
import dev.reelforge.core.asset.FailStuckAssetsCommand;
import dev.reelforge.core.asset.FailStuckAssetsResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** On a schedule: fails every asset whose copy to the hosting bucket has not moved for longer than its patience. */
public final class AssetSweeperFunction implements RequestHandler<ScheduledEvent, String> {

    private final FailStuckAssets failStuckAssets;
    private final Duration patience;

    public AssetSweeperFunction() {
        this(System.getenv());
    }

    /** Wires the real parts from the given environment variables; the embedded stack passes each function its own. */
    public AssetSweeperFunction(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** As {@link #AssetSweeperFunction(Map)}, telling time by {@code clock}: the embedded stack's is controllable. */
    public AssetSweeperFunction(Map<String, String> environment, Clock clock) {
        this(AssetSweeperSettings.from(new EnvironmentVariables(environment)), Clock.tick(clock, Duration.ofMillis(1)));
    }

    private AssetSweeperFunction(AssetSweeperSettings settings, Clock clock) {
        this(new FailStuckAssets(new DynamoDbAssets(AwsClients.dynamoDb(settings.aws()), settings.assetsTable()),
                new S3HostedFiles(AwsClients.s3(settings.aws()), settings.hostingBucket(),
                        AwsClients.cloudFront(settings.aws()), settings.hostingDistributionId()), clock),
                settings.patience());
    }

    public AssetSweeperFunction(FailStuckAssets failStuckAssets, Duration patience) {
        this.failStuckAssets = failStuckAssets;
        this.patience = patience;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        FailStuckAssetsResult result = failStuckAssets.sweep(new FailStuckAssetsCommand(patience));
        result.failed().forEach(asset -> context.getLogger().log("failed stuck asset " + asset.id()
                + " of " + asset.owner()));
        return "failed " + result.failed().size() + " stuck asset(s)";
    }
}
