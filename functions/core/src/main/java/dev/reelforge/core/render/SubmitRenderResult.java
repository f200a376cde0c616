package dev.reelforge.core.render;

import dev.reelforge.core.validation.Violation;
import java.util.List;
import java.util.UUID;

public sealed interface SubmitRenderResult {

    record Queued(UUID id) implements SubmitRenderResult {}

    /** The request repeats an earlier one under the same idempotency key: its render, made once. */
    record Replayed(UUID id) implements SubmitRenderResult {}

    /** The idempotency key was used, within its lifetime, for a request with another body. */
    record KeyReused(IdempotencyKey key) implements SubmitRenderResult {}

    record Invalid(List<Violation> violations) implements SubmitRenderResult {

        public Invalid {
            violations = List.copyOf(violations);
        }
    }
}
