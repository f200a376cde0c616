package dev.reelforge.core.probe;

import dev.reelforge.core.media.MediaInfo;

/** What probing a URL gave. */
public sealed interface ProbeMediaResult {

    /** {@code url} as the user gave it; {@code sourceBytes} the source's whole length. */
    record Probed(String url, MediaInfo info, long sourceBytes) implements ProbeMediaResult {}

    /**
     * The URL is malformed, refused, unreachable, or not media; {@code problem} completes a sentence about the
     * {@code url} ("could not be fetched: the server answered 404") and quotes nothing of this service's own.
     */
    record Refused(String problem) implements ProbeMediaResult {}
}
