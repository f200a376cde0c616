package dev.reelforge.core.media;

import java.nio.file.Path;

/** Finds out what a local media file holds. */
public interface MediaProbe {

    ProbeResult probe(Path file);

    sealed interface ProbeResult {

        record Probed(MediaInfo info) implements ProbeResult {}

        /** Not a media file this renderer can read; {@code reason} is fit to show the user. */
        record Unreadable(String reason) implements ProbeResult {}
    }
}
