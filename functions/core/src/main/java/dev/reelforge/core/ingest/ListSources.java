package dev.reelforge.core.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The caller's sources in one environment, newest first, as they stand now; deleted ones are left out. */
public final class ListSources {

    /** The most a list shows (the contract's list has no pages). */
    public static final int LIMIT = 500;

    private final Sources sources;
    private final Clock clock;

    public ListSources(Sources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    public List<Source> list(ListSourcesCommand command) {
        Instant now = clock.instant();
        return sources.list(command.owner(), command.environment(), LIMIT).stream()
                .filter(source -> source.status() != SourceStatus.DELETED)
                .map(source -> source.asOf(now))
                .toList();
    }
}
