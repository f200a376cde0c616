package dev.reelforge.hosting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.core.asset.SweepStuckAssets;
import dev.reelforge.core.asset.SweepStuckAssetsCommand;
import dev.reelforge.core.asset.SweepStuckAssetsResult;
import dev.reelforge.core.video.download.RemoveDownloadables;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.StructuredLog;
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
        this(wire(environment), environment.requiredDuration("STUCK_ASSET_PATIENCE"));
    }

    public AssetSweeperFunction(SweepStuckAssets sweepStuckAssets, Duration patience) {
        this.sweepStuckAssets = sweepStuckAssets;
        this.patience = patience;
    }

    private static SweepStuckAssets wire(FunctionEnvironment environment) {
        DynamoDbTables tables = DynamoDbTables.of(environment);
        S3Buckets buckets = S3Buckets.of(environment);
        return new SweepStuckAssets(tables.assets(), CdnHostedFiles.of(buckets, environment),
                new RemoveDownloadables(tables.downloadables(), buckets.downloads(), environment.clock()),
                tables.videos(), environment.clock());
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        SweepStuckAssetsResult result = sweepStuckAssets.sweep(new SweepStuckAssetsCommand(patience));
        StructuredLog log = StructuredLog.of(context);
        result.failed().forEach(asset -> log.event("asset.swept").owner(asset.owner()).asset(asset.id())
                .outcome("failed").field("reason", "importing for longer than " + patience).warn());
        result.removed().forEach(asset -> log.event("asset.swept").owner(asset.owner()).asset(asset.id())
                .outcome("file_removed").field("reason", "its removal after deletion was lost").info());
        return "failed " + result.failed().size() + " stuck asset(s), removed " + result.removed().size()
                + " overdue file(s)";
    }
}
