package dev.reelforge.core.asset;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The life of a hosted asset, as the Serve API names it. An asset only moves forward: {@code importing}
 * (being copied to the hosting bucket) is followed by {@code ready} or {@code failed}; any of those may be
 * {@code deleted}; nothing follows {@code deleted}.
 */
public enum AssetStatus {
    IMPORTING,
    READY,
    FAILED,
    DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AssetStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }

    public boolean canMoveTo(AssetStatus next) {
        return switch (this) {
            case IMPORTING -> next == READY || next == FAILED || next == DELETED;
            case READY, FAILED -> next == DELETED;
            case DELETED -> false;
        };
    }
}
