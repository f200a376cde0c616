package dev.reelforge.core.edit.model;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Tracks in the order submitted: the first track is drawn on top of the others. */
public record Timeline(Optional<Soundtrack> soundtrack, Color background, List<Track> tracks, List<URI> fonts) {

    public Timeline {
        tracks = List.copyOf(tracks);
        fonts = List.copyOf(fonts);
    }

    /** A timeline without custom fonts. */
    public Timeline(Optional<Soundtrack> soundtrack, Color background, List<Track> tracks) {
        this(soundtrack, background, tracks, List.of());
    }
}
