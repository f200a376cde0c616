package dev.reelforge.core.template;

import dev.reelforge.core.render.SubmitRenderResult;
import dev.reelforge.core.validation.Violation;
import java.util.List;
import java.util.UUID;

public sealed interface RenderTemplateResult {

    /** The template's edit, merge fields applied, was submitted: what submitting it gave. */
    record Submitted(SubmitRenderResult submitted) implements RenderTemplateResult {}

    /** The request itself is wrong (no id, a merge field without find, …). */
    record Invalid(List<Violation> violations) implements RenderTemplateResult {

        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    /** No such template of the caller's. */
    record NotFound(UUID id) implements RenderTemplateResult {}
}
