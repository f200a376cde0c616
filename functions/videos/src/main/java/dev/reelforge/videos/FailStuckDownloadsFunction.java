package dev.reelforge.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.video.download.FailStuckDownloadables;
import dev.reelforge.core.video.download.FailStuckDownloadablesCommand;
import dev.reelforge.core.video.download.FailStuckDownloadablesResult;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.StructuredLog;
import java.time.Duration;

/**
 * On a schedule: fails every downloadable still pending longer than its patience ({@code STUCK_DOWNLOAD_PATIENCE}),
 * so none stays pending forever (see {@link FailStuckDownloadables}). DynamoDB only.
 */
public final class FailStuckDownloadsFunction implements RequestHandler<ScheduledEvent, String> {

    private final FailStuckDownloadables failStuckDownloadables;
    private final Duration patience;

    public FailStuckDownloadsFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public FailStuckDownloadsFunction(FunctionEnvironment environment) {
        this(new FailStuckDownloadables(DynamoDbTables.of(environment).downloadables(), environment.clock()),
                environment.requiredDuration("STUCK_DOWNLOAD_PATIENCE"));
    }

    public FailStuckDownloadsFunction(FailStuckDownloadables failStuckDownloadables, Duration patience) {
        this.failStuckDownloadables = failStuckDownloadables;
        this.patience = patience;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        FailStuckDownloadablesResult result = failStuckDownloadables.sweep(new FailStuckDownloadablesCommand(patience));
        StructuredLog log = StructuredLog.of(context);
        result.failed().forEach(key -> log.event("download.swept").owner(key.owner()).asset(key.videoId())
                .field("format", key.format().wireName()).outcome("failed")
                .field("reason", "pending for longer than " + patience).warn());
        return "failed " + result.failed().size() + " stuck downloadable(s)";
    }
}
