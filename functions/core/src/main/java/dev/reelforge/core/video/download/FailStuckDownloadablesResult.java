package dev.reelforge.core.video.download;

import java.util.List;

/** The downloadables this sweep failed. */
public record FailStuckDownloadablesResult(List<DownloadableKey> failed) {

    public FailStuckDownloadablesResult {
        failed = List.copyOf(failed);
    }
}
