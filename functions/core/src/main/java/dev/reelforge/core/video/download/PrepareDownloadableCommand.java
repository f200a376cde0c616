package dev.reelforge.core.video.download;

/** Make the file of generation {@code generation} of a downloadable, as its stream record announced it. */
public record PrepareDownloadableCommand(DownloadableKey key, long generation) {}
