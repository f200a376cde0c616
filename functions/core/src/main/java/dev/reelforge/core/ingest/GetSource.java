package dev.reelforge.core.ingest;

import java.time.Clock;
import java.util.Optional;

/**
 * One of the caller's sources as it stands now ({@link Source#asOf}); another owner's or another environment's is not
 * found, exactly like a missing one.
 */
public final class GetSource {

    private final Sources sources;
    private final Clock clock;

    public GetSource(Sources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    public Optional<Source> get(SourceLookup lookup) {
        return sources.find(lookup.owner(), lookup.id())
                .filter(source -> source.environment() == lookup.environment())
                .map(source -> source.asOf(clock.instant()));
    }
}
