package dev.reelforge.core.project;

import java.util.Objects;

/**
 * One track of the {@link MusicLibrary}.
 *
 * @param file    its file name under {@code library/music/} in the hosting bucket (served by the CDN)
 * @param seconds its length
 */
public record LibraryTrack(String id, String title, String artist, String category, boolean featured,
        double seconds, String file) {

    public LibraryTrack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(artist, "artist");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(file, "file");
    }
}
