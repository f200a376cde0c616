package dev.reelforge.core.render;

import dev.reelforge.core.Environment;
import java.util.Objects;
import java.util.Optional;

/**
 * An owner asks for a page of its renders in an environment, newest first: at most {@code limit}, after
 * {@code after} when given (where the previous page ended), only those in {@code status} when given.
 */
public record ListRendersCommand(String owner, Environment environment, Optional<RenderStatus> status,
        Optional<RenderPosition> after, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ListRendersCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
    }
}
