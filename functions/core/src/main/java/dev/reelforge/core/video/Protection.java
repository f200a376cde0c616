package dev.reelforge.core.video;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may watch a video, as IBM names it ({@code protect}). Reelforge hosts every video publicly on its CDN, so
 * every video is {@code public}; {@code private} is a value IBM's clients may send, which is refused until private
 * hosting exists.
 */
public enum Protection {
    PUBLIC,
    PRIVATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Protection> fromWireName(String name) {
        return Arrays.stream(values()).filter(protection -> protection.wireName().equals(name)).findFirst();
    }
}
