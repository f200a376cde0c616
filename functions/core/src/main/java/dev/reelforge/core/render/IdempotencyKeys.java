package dev.reelforge.core.render;

import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the records of idempotency keys are kept, each scoped to an owner and an environment (those of its render).
 * A record and its render are written together or not at all, so no key ever names a render that does not exist.
 */
public interface IdempotencyKeys {

    /** The key's record, live or expired; empty when the key was never used (or its record is gone). */
    Optional<IdempotencyRecord> find(String owner, Environment environment, IdempotencyKey key);

    /**
     * Stores a new render and the record of the key it is submitted under, atomically, unless the key already has a
     * record live at {@code now}: then nothing is written and that record is returned. Of concurrent adds under one
     * key, exactly one writes.
     */
    Optional<IdempotencyRecord> addUnlessTaken(Render render, IdempotencyRecord record, Instant now);
}
