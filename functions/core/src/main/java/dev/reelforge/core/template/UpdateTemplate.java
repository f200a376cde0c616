package dev.reelforge.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.validation.Violation;
import java.time.Clock;
import java.util.List;

/**
 * Replaces a template's name and edit, checked as when it was created ({@link TemplateChecks}); both must be given,
 * as the contract says. Another owner's or environment's template, or one deleted meanwhile, is not found.
 */
public final class UpdateTemplate {

    private final Templates templates;
    private final TemplateChecks checks;
    private final Clock clock;

    public UpdateTemplate(Templates templates, TemplateChecks checks, Clock clock) {
        this.templates = templates;
        this.checks = checks;
        this.clock = clock;
    }

    public SaveTemplateResult update(UpdateTemplateCommand command) {
        TemplateLookup lookup = command.template();
        var found = lookup.in(templates);
        if (found.isEmpty()) {
            return new SaveTemplateResult.NotFound(lookup.id());
        }
        JsonNode body = command.body();
        List<Violation> violations = checks.problemsWith(body);
        if (!violations.isEmpty()) {
            return new SaveTemplateResult.Invalid(violations);
        }
        Template revised = found.get().revised(TemplateChecks.nameOf(body), TemplateChecks.editOf(body), clock.instant());
        return templates.replace(revised) ? new SaveTemplateResult.Saved(revised.id())
                : new SaveTemplateResult.NotFound(lookup.id());
    }
}
