package dev.reelforge.core.ingest;

import dev.reelforge.core.Environment;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where ingested sources are kept. Every read is scoped to an owner: another owner's source is simply not found.
 * Every change is conditional on the record being still as it was read ({@link #replace}): a duplicated or late event
 * finds it changed, changes nothing, and is told so by {@code false}; the use cases move a source only forward.
 */
public interface Sources {

    /** Stores a new source; its id is new, so none exists with it. */
    void add(Source source);

    Optional<Source> find(String owner, UUID id);

    /** The owner's sources in one environment, deleted ones included, newest first, at most {@code limit}. */
    List<Source> list(String owner, Environment environment, int limit);

    /**
     * Writes {@code next} in place of {@code previous} if the stored source is still {@code previous} (same status, same
     * {@code updated}); false when it changed meanwhile or is gone. {@code next.updated()} must be later than
     * {@code previous.updated()}.
     */
    boolean replace(Source previous, Source next);
}
