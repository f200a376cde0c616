package dev.reelforge.core.template;

import dev.reelforge.core.validation.Violation;
import java.util.List;
import java.util.UUID;

/** What saving a template (creating or updating it) gives. */
public sealed interface SaveTemplateResult {

    record Saved(UUID id) implements SaveTemplateResult {}

    record Invalid(List<Violation> violations) implements SaveTemplateResult {

        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    /** The owner has {@link CreateTemplate#MAX_TEMPLATES} templates in the environment already. */
    record TooMany(int limit) implements SaveTemplateResult {}

    /** No such template of the caller's (updates only). */
    record NotFound(UUID id) implements SaveTemplateResult {}
}
