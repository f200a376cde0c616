package dev.reelforge.core.project;

import java.util.List;
import java.util.Optional;

/** The music tracks that ship with Reelforge, which every project may use by id ({@code GET /musics}). */
public interface MusicLibrary {

    /** Every track, in the order the library lists them. */
    List<LibraryTrack> tracks();

    default Optional<LibraryTrack> track(String id) {
        return tracks().stream().filter(track -> track.id().equals(id)).findFirst();
    }
}
