package dev.reelforge.core.project;

import java.util.Objects;

/** The one music track of a project; it plays under the whole video, looped when shorter. */
public record MusicTrack(MediaRef music) {

    public MusicTrack {
        Objects.requireNonNull(music);
    }
}
