package dev.reelforge.core.video.download;

import dev.reelforge.core.Environment;
import java.util.UUID;

/** Read the downloadable of the caller's video {@code videoId} in {@code format}. */
public record GetDownloadableCommand(String owner, Environment environment, UUID videoId, DownloadFormat format) {}
