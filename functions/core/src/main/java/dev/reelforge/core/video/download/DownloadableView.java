package dev.reelforge.core.video.download;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A downloadable as IBM's API shows it: {@code available} with its URL and expiry, or {@code pending} or
 * {@code unavailable} with neither (never requested, failed, expired or removed are all {@code unavailable}).
 */
public record DownloadableView(State state, Optional<String> downloadUrl, Optional<Instant> expiresAt) {

    public enum State {
        AVAILABLE,
        UNAVAILABLE,
        PENDING
    }

    public static final DownloadableView PENDING = new DownloadableView(State.PENDING, Optional.empty(), Optional.empty());
    public static final DownloadableView UNAVAILABLE =
            new DownloadableView(State.UNAVAILABLE, Optional.empty(), Optional.empty());

    public DownloadableView {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(downloadUrl, "downloadUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if ((state == State.AVAILABLE) != (downloadUrl.isPresent() && expiresAt.isPresent())) {
            throw new IllegalArgumentException("exactly an available downloadable has a URL and an expiry");
        }
    }

    public static DownloadableView available(String downloadUrl, Instant expiresAt) {
        return new DownloadableView(State.AVAILABLE, Optional.of(downloadUrl), Optional.of(expiresAt));
    }
}
