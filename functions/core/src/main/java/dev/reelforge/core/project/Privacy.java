package dev.reelforge.core.project;

import java.util.Locale;
import java.util.Optional;

/** Whether a published video's public link ({@code /v/{id}/{name}.mp4}) answers. */
public enum Privacy {
    PUBLIC,
    PRIVATE;

    public static Optional<Privacy> fromWireName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "public" -> Optional.of(PUBLIC);
            case "private" -> Optional.of(PRIVATE);
            default -> Optional.empty();
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
