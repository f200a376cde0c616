package dev.reelforge.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.validation.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Saves a new template ({@link TemplateChecks}) under a new id. An owner keeps at most {@link #MAX_TEMPLATES} per
 * environment, so that listing them is one bounded read; the count is read before the write, so requests racing
 * each other may pass the bound by as many as they are.
 */
public final class CreateTemplate {

    public static final int MAX_TEMPLATES = 1000;

    private final Templates templates;
    private final TemplateChecks checks;
    private final Clock clock;
    private final Supplier<UUID> newId;

    public CreateTemplate(Templates templates, TemplateChecks checks, Clock clock, Supplier<UUID> newId) {
        this.templates = templates;
        this.checks = checks;
        this.clock = clock;
        this.newId = newId;
    }

    public SaveTemplateResult create(CreateTemplateCommand command) {
        JsonNode body = command.body();
        List<Violation> violations = checks.problemsWith(body);
        if (!violations.isEmpty()) {
            return new SaveTemplateResult.Invalid(violations);
        }
        if (templates.count(command.owner(), command.environment()) >= MAX_TEMPLATES) {
            return new SaveTemplateResult.TooMany(MAX_TEMPLATES);
        }
        Instant now = clock.instant();
        Template template = new Template(newId.get(), command.owner(), command.environment(),
                TemplateChecks.nameOf(body), TemplateChecks.editOf(body), now, now);
        templates.add(template);
        return new SaveTemplateResult.Saved(template.id());
    }
}
