package dev.reelforge.core.video.download;

import java.time.Duration;

/** Fail every downloadable still pending {@code patience} after it was requested. */
public record FailStuckDownloadablesCommand(Duration patience) {}
