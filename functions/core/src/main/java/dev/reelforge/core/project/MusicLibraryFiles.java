package dev.reelforge.core.project;

import java.nio.file.Path;

/** Where the music library's files are kept: {@code library/music/{file}} in the hosting bucket, served by the CDN. */
public interface MusicLibraryFiles {

    /** The key prefix of the library's files in the hosting bucket (and their path on the CDN, after a slash). */
    String PREFIX = "library/music/";

    /** Whether the library already holds a file of this name. */
    boolean has(String file);

    /** Writes (or overwrites) the file of this name from {@code content}, of the given media type. */
    void put(String file, Path content, String contentType);
}
