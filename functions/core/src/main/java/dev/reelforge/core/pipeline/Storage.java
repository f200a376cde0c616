package dev.reelforge.core.pipeline;

import java.nio.file.Path;

/**
 * Where intermediates and outputs are kept (the temporary bucket). Keys are relative to it; {@link TemporaryUrls}
 * hands out the links users download outputs with.
 */
public interface Storage {

    /** Uploads a file; returns its location as the encoder reads it ({@code s3://bucket/key}). */
    String put(String key, Path file, String contentType);

    /** The location of a key as the encoder reads and writes it ({@code s3://bucket/key}). */
    String location(String key);

    /** The key of a location this storage handed out, or of an encoder output in its bucket. */
    String keyOf(String location);

    /** Deletes what is stored at {@code key}; nothing stored there is no failure. */
    void delete(String key);
}
