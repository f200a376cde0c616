package dev.reelforge.core.video.download;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where one generation of a downloadable stands. A generation only moves forward: {@code pending} (its file is being
 * made) is followed by {@code available} or {@code failed}; any of them may be {@code removed} (its video was
 * deleted); nothing follows {@code removed}. A new request after a generation ended (failed, or available and
 * expired) starts the next generation, {@code pending} again.
 */
public enum DownloadableStatus {
    PENDING,
    AVAILABLE,
    FAILED,
    REMOVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DownloadableStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }
}
