package dev.reelforge.core.edit.model;

import java.util.List;
import java.util.Optional;

/** Tracks in the order submitted: the first track is drawn on top of the others. */
public record Timeline(Optional<Soundtrack> soundtrack, Color background, List<Track> tracks) {

    public Timeline {
        tracks = List.copyOf(tracks);
    }
}
