package dev.reelforge.core.video.download;

import java.util.Objects;
import java.util.UUID;

/** Names one downloadable: the owner's video and the format it is downloaded as. */
public record DownloadableKey(String owner, UUID videoId, DownloadFormat format) {

    public DownloadableKey {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(format, "format");
    }
}
