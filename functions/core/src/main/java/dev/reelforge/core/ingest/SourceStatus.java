package dev.reelforge.core.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The life of an ingested source, as the Ingest API names it. It only moves forward: {@code queued} (waiting for
 * its URL to be fetched or its file to be uploaded), {@code importing} (being fetched, probed and stored), then
 * {@code ready} or {@code failed}; any of those may be {@code deleted}; nothing follows {@code deleted}.
 */
public enum SourceStatus {
    QUEUED,
    IMPORTING,
    READY,
    FAILED,
    DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SourceStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }

    public boolean isTerminal() {
        return this == READY || this == FAILED || this == DELETED;
    }

    public boolean canMoveTo(SourceStatus next) {
        return switch (this) {
            case QUEUED -> next == IMPORTING || next == FAILED || next == DELETED;
            case IMPORTING -> next == READY || next == FAILED || next == DELETED;
            case READY, FAILED -> next == DELETED;
            case DELETED -> false;
        };
    }
}
