package dev.reelforge.core.template;

import java.util.Optional;

/** The caller's template by id; another owner's or environment's is not found, exactly like one that never was. */
public final class GetTemplate {

    private final Templates templates;

    public GetTemplate(Templates templates) {
        this.templates = templates;
    }

    public Optional<Template> get(TemplateLookup lookup) {
        return lookup.in(templates);
    }
}
