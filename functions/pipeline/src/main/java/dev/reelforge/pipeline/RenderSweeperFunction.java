package dev.reelforge.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.render.FailStuckRenders;
import dev.reelforge.core.render.FailStuckRendersCommand;
import dev.reelforge.core.render.FailStuckRendersResult;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.StructuredLog;
import java.time.Duration;

/** On a schedule: fails every render that has not moved for longer than its patience. */
public final class RenderSweeperFunction implements RequestHandler<ScheduledEvent, String> {

    private final FailStuckRenders failStuckRenders;
    private final Duration patience;

    public RenderSweeperFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public RenderSweeperFunction(FunctionEnvironment environment) {
        this(new FailStuckRenders(DynamoDbTables.of(environment).renders(), environment.clock()),
                environment.requiredDuration("STUCK_RENDER_PATIENCE"));
    }

    public RenderSweeperFunction(FailStuckRenders failStuckRenders, Duration patience) {
        this.failStuckRenders = failStuckRenders;
        this.patience = patience;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        FailStuckRendersResult result = failStuckRenders.sweep(new FailStuckRendersCommand(patience));
        StructuredLog log = StructuredLog.of(context);
        result.failed().forEach(render -> log.event("render.swept").owner(render.owner()).render(render.id())
                .outcome("failed").field("reason", "stuck for longer than " + patience).warn());
        return "failed " + result.failed().size() + " stuck render(s)";
    }
}
