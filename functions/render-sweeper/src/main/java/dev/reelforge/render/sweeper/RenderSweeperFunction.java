package dev.reelforge.render.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.core.render.FailStuckRenders;
import dev.reelforge.core.render.FailStuckRendersCommand;
import dev.reelforge.core.render.FailStuckRendersResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** On a schedule: fails every render that has not moved for longer than its patience. */
public final class RenderSweeperFunction implements RequestHandler<ScheduledEvent, String> {

    private final FailStuckRenders failStuckRenders;
    private final Duration patience;

    public RenderSweeperFunction() {
        this(System.getenv());
    }

    /** Wires the real parts from the given environment variables; the embedded stack passes each function its own. */
    public RenderSweeperFunction(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** As {@link #RenderSweeperFunction(Map)}, telling time by {@code clock}: the embedded stack's is controllable. */
    public RenderSweeperFunction(Map<String, String> environment, Clock clock) {
        this(RenderSweeperSettings.from(new EnvironmentVariables(environment)), Clock.tick(clock, Duration.ofMillis(1)));
    }

    private RenderSweeperFunction(RenderSweeperSettings settings, Clock clock) {
        this(new FailStuckRenders(new DynamoDbRenders(AwsClients.dynamoDb(settings.aws()), settings.rendersTable()),
                clock), settings.patience());
    }

    public RenderSweeperFunction(FailStuckRenders failStuckRenders, Duration patience) {
        this.failStuckRenders = failStuckRenders;
        this.patience = patience;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        FailStuckRendersResult result = failStuckRenders.sweep(new FailStuckRendersCommand(patience));
        result.failed().forEach(render -> context.getLogger().log("failed stuck render " + render.id()
                + " of " + render.owner()));
        return "failed " + result.failed().size() + " stuck render(s)";
    }
}
