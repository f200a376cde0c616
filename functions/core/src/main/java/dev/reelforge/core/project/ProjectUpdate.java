package dev.reelforge.core.project;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The fields one {@code POST /me/videos/{id}} sets; absent ones keep their value. */
public record ProjectUpdate(Optional<String> name, Optional<String> style, Optional<ProjectQuality> quality,
        Optional<Assets> assets, Optional<List<Credit>> credits, Optional<Privacy> privacy,
        Optional<URI> callbackUrl) {

    public ProjectUpdate {
        Objects.requireNonNull(name);
        Objects.requireNonNull(style);
        Objects.requireNonNull(quality);
        Objects.requireNonNull(assets);
        credits = credits.map(List::copyOf);
        Objects.requireNonNull(privacy);
        Objects.requireNonNull(callbackUrl);
    }

    /** The {@code assets} array: frames in order and the music track, if any. */
    public record Assets(List<Frame> frames, Optional<MusicTrack> music) {

        public Assets {
            frames = List.copyOf(frames);
            Objects.requireNonNull(music);
        }
    }
}
