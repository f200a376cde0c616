package dev.reelforge.local;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the embedded stack gives its functions beyond their template environment: the ffmpeg to run (the
 * template's is the Lambda layer's /opt/bin/ffmpeg), where to work, whether sources on loopback may be
 * fetched (yes by default, so media served on 127.0.0.1 renders; {@code --no-loopback-sources} turns it off), and
 * where the render worker makes the pipes its MediaConvert emulator reads compositions from as they are written
 * (none when no emulator runs jobs: {@code ./reelforge invoke}).
 */
public record LocalRuntime(Path ffmpeg, Path workDirectory, boolean allowLoopbackSources,
        Optional<Path> intermediatePipes) {

    /** Without pipes: compositions are stored whole before their jobs start, as on AWS. */
    public LocalRuntime(Path ffmpeg, Path workDirectory, boolean allowLoopbackSources) {
        this(ffmpeg, workDirectory, allowLoopbackSources, Optional.empty());
    }
}
