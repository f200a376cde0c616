package dev.reelforge.local;

import java.nio.file.Path;

/**
 * What the embedded stack gives its functions beyond their template environment: the ffmpeg to run (the
 * template's is the Lambda layer's /opt/bin/ffmpeg), where to work, and whether sources on loopback may be
 * fetched (yes by default, so media served on 127.0.0.1 renders; {@code --no-loopback-sources} turns it off).
 */
public record LocalRuntime(Path ffmpeg, Path workDirectory, boolean allowLoopbackSources) {}
