package dev.reelforge.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.sqs.SqsCallbackQueue;
import dev.reelforge.core.callback.DispatchCallback;
import dev.reelforge.core.video.ExpireDueVideos;
import dev.reelforge.core.video.ExpireDueVideosCommand;
import dev.reelforge.core.video.ExpireDueVideosResult;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.MetricUnit;
import dev.reelforge.runtime.log.StructuredLog;

/**
 * Every minute: deletes the videos whose expiration time has come, read from the videos table's sparse index of
 * pending expirations (see {@link ExpireDueVideos}), and dispatches an {@code expire} callback for each whose render
 * asked for callbacks. A video it could not finish is logged and left for the next minute's sweep, which carries it
 * on from where it stopped.
 */
public final class ExpireVideosFunction implements RequestHandler<ScheduledEvent, String> {

    private final ExpireDueVideos expireDueVideos;

    public ExpireVideosFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public ExpireVideosFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment), environment));
    }

    public ExpireVideosFunction(ExpireDueVideos expireDueVideos) {
        this.expireDueVideos = expireDueVideos;
    }

    private static ExpireDueVideos wire(DynamoDbTables tables, FunctionEnvironment environment) {
        return new ExpireDueVideos(tables.videos(), tables.assets(), new DispatchCallback(tables.renders(),
                tables.assets(), tables.deliveries(), SqsCallbackQueue.of(environment), environment.clock()),
                environment.clock());
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        ExpireDueVideosResult result = expireDueVideos.expire(
                new ExpireDueVideosCommand(ExpireDueVideosCommand.DEFAULT_LIMIT,
                        ExpireDueVideosCommand.DEFAULT_PARALLELISM));
        StructuredLog log = StructuredLog.of(context);
        result.expired().forEach(id -> log.event("video.expired").asset(id).outcome("deleted").info());
        result.alreadyGone().forEach(id -> log.event("video.expired").asset(id).outcome("already_deleted").info());
        result.kept().forEach(id -> log.event("video.expired").asset(id).outcome("kept")
                .field("reason", "its rule changed before the sweep reached it").info());
        result.failed().forEach(failure -> log.event("video.expired").asset(failure.id()).outcome("retried")
                .failure(failure.cause()).error());
        log.event("video.sweep").outcome("swept").metric("VideosExpired", result.expired().size(), MetricUnit.COUNT)
                .metric("VideoExpirationFailures", result.failed().size(), MetricUnit.COUNT).info();
        return "expired " + result.expired().size() + " video(s), unlisted " + result.alreadyGone().size()
                + " deleted before their time, kept " + result.kept().size() + ", failed " + result.failed().size();
    }
}
