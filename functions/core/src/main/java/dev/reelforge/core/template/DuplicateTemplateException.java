package dev.reelforge.core.template;

import java.util.UUID;

/** A new template collided with an existing id: only a broken id generator can cause it. */
public final class DuplicateTemplateException extends RuntimeException {

    public DuplicateTemplateException(UUID id) {
        super("a template with id " + id + " already exists");
    }
}
