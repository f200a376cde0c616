package dev.reelforge.core.render;

import java.util.UUID;

/** A new render collided with an existing id: only a broken id generator can cause it. */
public final class DuplicateRenderException extends RuntimeException {

    public DuplicateRenderException(UUID id) {
        super("a render with id " + id + " already exists");
    }
}
