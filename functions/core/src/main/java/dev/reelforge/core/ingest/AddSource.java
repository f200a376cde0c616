package dev.reelforge.core.ingest;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues a source to be fetched from a URL: the source is stored {@code queued} with its renditions, and the import
 * flow (from the sources' stream) fetches, probes and stores it ({@link ImportSource}).
 */
public final class AddSource {

    private final Sources sources;
    private final Clock clock;

    public AddSource(Sources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    public Source add(AddSourceCommand command) {
        Source source = Source.queued(UUID.randomUUID(), command.owner(), command.environment(),
                Optional.of(command.url().uri().toString()), NewRenditions.of(command.renditions()),
                command.callback(), clock.instant());
        sources.add(source);
        return source;
    }
}
