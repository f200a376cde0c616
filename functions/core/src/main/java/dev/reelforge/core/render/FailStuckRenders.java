package dev.reelforge.core.render;

import java.time.Clock;
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
            String error = "the render did not finish: nothing happened to it for "
                    + command.patience().toMinutes() + " minutes, so it was stopped";
            if (renders.fail(stuck, error, now)) {
                failed.add(stuck);
            }
        }
        return new FailStuckRendersResult(failed);
    }
}
