package dev.reelforge.core.template;

import java.util.List;

/**
 * All the caller's templates in the environment, most recently created first: at most {@link CreateTemplate#MAX_TEMPLATES},
 * as many as an owner may keep, so one answer holds them all (the contract's list has no pages).
 */
public final class ListTemplates {

    private final Templates templates;

    public ListTemplates(Templates templates) {
        this.templates = templates;
    }

    public List<TemplateSummary> list(ListTemplatesCommand command) {
        return templates.list(command.owner(), command.environment(), CreateTemplate.MAX_TEMPLATES);
    }
}
