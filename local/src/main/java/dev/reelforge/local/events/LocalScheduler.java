package dev.reelforge.local.events;

import dev.reelforge.core.json.Json;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.ScheduleEventDefinition;
import dev.reelforge.local.template.StackIdentity;
import dev.reelforge.local.clock.LocalClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * EventBridge schedules: each function's {@code Schedule} events invoke it every period with a
 * "Scheduled Event", asynchronously, as on AWS. Periods pass in real time; when the stack's clock jumps ahead by a
 * period or more, the schedule also fires once then (not once per period skipped), so that sweeps notice what the
 * jump made due.
 */
public final class LocalScheduler implements AutoCloseable, LocalClock.Listener {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("reelforge-schedules").daemon().factory());
    private final AsyncInvoker invoker;
    private final StackIdentity stack;
    private final Clock clock;
    private final List<Map.Entry<LocalFunction, ScheduleEventDefinition>> schedules = new ArrayList<>();
    private Instant lastSeen;

    public LocalScheduler(Collection<LocalFunction> functions, AsyncInvoker invoker, StackIdentity stack, Clock clock) {
        this.invoker = invoker;
        this.stack = stack;
        this.clock = clock;
        this.lastSeen = clock.instant();
        for (LocalFunction function : functions) {
            for (ScheduleEventDefinition schedule : function.definition().scheduleEvents()) {
                schedules.add(Map.entry(function, schedule));
                long period = schedule.period().toMillis();
                timer.scheduleAtFixedRate(() -> fire(function, schedule), period, period, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Fires a function's schedule now, as if its period had come round. */
    public void fire(LocalFunction function, ScheduleEventDefinition schedule) {
        String rule = "arn:aws:events:" + stack.region() + ":" + stack.accountId() + ":rule/" + stack.stackName() + "-"
                + function.definition().logicalId() + schedule.name();
        var event = Json.object()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", "Scheduled Event")
                .put("source", "aws.events")
                .put("account", stack.accountId())
                .put("time", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .put("region", stack.region());
        event.putArray("resources").add(rule);
        event.putObject("detail");
        invoker.invoke(function, Json.write(event));
    }

    @Override
    public synchronized List<String> clockAdvanced(Instant now) {
        Duration jump = Duration.between(lastSeen, now);
        lastSeen = now;
        List<String> fired = new ArrayList<>();
        schedules.forEach(entry -> {
            LocalFunction function = entry.getKey();
            ScheduleEventDefinition schedule = entry.getValue();
            if (jump.compareTo(schedule.period()) >= 0) {
                fire(function, schedule);
                fired.add("fired " + function.definition().logicalId() + "." + schedule.name() + " (every "
                        + schedule.period() + ")");
            }
        });
        return fired;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
