package dev.reelforge.hosting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.core.asset.SweepStuckAssets;
import dev.reelforge.core.asset.SweepStuckAssetsCommand;
import dev.reelforge.core.asset.SweepStuckAssetsResult;
import dev.reelforge.runtime.FunctionEnvironment;
import java.time.Duration;

/**
 * On a schedule: fails every asset whose copy to the hosting bucket has not moved for longer than its patience, and
 * removes the files of deleted assets whose removal was lost (see {@link SweepStuckAssets}).
 */
public final class AssetSweeperFunction implements RequestHandler<ScheduledEvent, String> {

    private final SweepStuckAssets sweepStuckAssets;
    private final Duration patience;

    public AssetSweeperFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public AssetSweeperFunction(FunctionEnvironment environment) {
        this(new SweepStuckAssets(DynamoDbTables.of(environment).assets(),
                        CdnHostedFiles.of(S3Buckets.of(environment), environment), environment.clock()),
                environment.requiredDuration("STUCK_ASSET_PATIENCE"));
    }

    public AssetSweeperFunction(SweepStuckAssets sweepStuckAssets, Duration patience) {
        this.sweepStuckAssets = sweepStuckAssets;
        this.patience = patience;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        SweepStuckAssetsResult result = sweepStuckAssets.sweep(new SweepStuckAssetsCommand(patience));
        result.failed().forEach(asset -> context.getLogger().log("failed stuck asset " + asset.id()
                + " of " + asset.owner()));
        result.removed().forEach(asset -> context.getLogger().log("removed the overdue file of deleted asset "
                + asset.id() + " of " + asset.owner()));
        return "failed " + result.failed().size() + " stuck asset(s), removed " + result.removed().size()
                + " overdue file(s)";
    }
}
