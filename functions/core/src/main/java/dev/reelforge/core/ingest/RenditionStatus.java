package dev.reelforge.core.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The life of one rendition of a source: {@code queued} until its source is stored and its job ends, then
 * {@code ready} or {@code failed}; {@code deleted} with its source. Forward only, as {@link SourceStatus}.
 */
public enum RenditionStatus {
    QUEUED,
    READY,
    FAILED,
    DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RenditionStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }

    public boolean isTerminal() {
        return this != QUEUED;
    }
}
