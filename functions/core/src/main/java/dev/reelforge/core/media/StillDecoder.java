package dev.reelforge.core.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes a still image in full. A probe reads only a file's header, so an image cut short or corrupted after it
 * passes the probe and would fail the render that uses it; decoding finds that out when it is uploaded.
 */
public interface StillDecoder {

    /** Why the image does not decode cleanly, fit to show the user; empty when it does. */
    Optional<String> failure(Path image);
}
