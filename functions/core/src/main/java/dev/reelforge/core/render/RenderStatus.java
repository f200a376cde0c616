package dev.reelforge.core.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The life of a render, in the order it is lived. A render only moves forward: a status may be followed
 * by any later one, {@code failed} may follow any status that is not terminal, and nothing follows
 * {@code done} or {@code failed}. A cancel is such a move to {@code failed}, so only an unfinished render can be
 * cancelled, and a render that finished first (its encoding completed a moment before) stays finished.
 */
public enum RenderStatus {
    QUEUED,
    FETCHING,
    RENDERING,
    SAVING,
    DONE,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RenderStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }

    public boolean isTerminal() {
        return this == DONE || this == FAILED;
    }

    public boolean canMoveTo(RenderStatus next) {
        return !isTerminal() && next.ordinal() > ordinal();
    }

    /** Whether a render in this status may still be cancelled (it then ends {@code failed}). */
    public boolean isCancellable() {
        return canMoveTo(FAILED);
    }
}
