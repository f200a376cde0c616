package dev.reelforge.core.render;

import java.util.Optional;
import java.util.UUID;

/** Where renders are kept. Every read is scoped to an owner: another owner's render is simply not found. */
public interface Renders {

    /** Stores a new render; an existing render with the same owner and id is never overwritten. */
    void add(Render render);

    Optional<Render> find(String owner, UUID id);
}
