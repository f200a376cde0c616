package dev.reelforge.core.video.download;

import dev.reelforge.core.Environment;
import java.util.UUID;

/** Ask for a downloadable file of the caller's video {@code videoId} in {@code format}. */
public record RequestDownloadableCommand(String owner, Environment environment, UUID videoId, DownloadFormat format) {}
