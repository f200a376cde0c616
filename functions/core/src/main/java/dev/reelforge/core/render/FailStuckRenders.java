package dev.reelforge.core.render;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The guarantee that no render stays unfinished forever: whatever crashed or was lost (a worker, an
 * encoding job, an event), a render that has not moved for longer than the patience is failed.
 */
public final class FailStuckRenders {

    /** How many renders one sweep looks at; the next sweep takes the rest. */
    static final int BATCH = 100;

    private final Renders renders;
    private final Clock clock;

    public FailStuckRenders(Renders renders, Clock clock) {
        this.renders = renders;
        this.clock = clock;
    }

    public FailStuckRendersResult sweep(FailStuckRendersCommand command) {
        Instant now = clock.instant();
        List<RenderKey> failed = new ArrayList<>();
        for (RenderKey stuck : renders.unfinishedSince(now.minus(command.patience()), BATCH)) {
            String error = "the render did not finish: nothing happened to it for " + spoken(command.patience())
                    + ", so it was stopped";
            if (renders.fail(stuck, error, now)) {
                failed.add(stuck);
            }
        }
        return new FailStuckRendersResult(failed);
    }

    /** "30 minutes", "1 hour", "2 seconds": the largest whole unit (the asset sweeper's errors say it alike). */
    public static String spoken(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
