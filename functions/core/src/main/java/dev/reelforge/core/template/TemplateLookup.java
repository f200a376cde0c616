package dev.reelforge.core.template;

import dev.reelforge.core.Environment;
import java.util.UUID;

/** A template named by its owner and environment (the caller's) and its id (the path's). */
public record TemplateLookup(String owner, Environment environment, UUID id) {

    /** The owner's template by this lookup's id, if it is of this lookup's environment. */
    java.util.Optional<Template> in(Templates templates) {
        return templates.find(owner, id).filter(template -> template.environment() == environment);
    }
}
