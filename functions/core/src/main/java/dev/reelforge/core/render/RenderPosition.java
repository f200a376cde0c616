package dev.reelforge.core.render;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A place in an owner's renders listed newest first: the render created at {@code created} with {@code id}. */
public record RenderPosition(Instant created, UUID id) {

    public RenderPosition {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(id, "id");
    }
}
