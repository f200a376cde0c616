package dev.reelforge.core.render;

import dev.reelforge.core.validation.Violation;
import java.util.List;
import java.util.UUID;

public sealed interface SubmitRenderResult {

    record Queued(UUID id) implements SubmitRenderResult {}

    record Invalid(List<Violation> violations) implements SubmitRenderResult {

        public Invalid {
            violations = List.copyOf(violations);
        }
    }
}
