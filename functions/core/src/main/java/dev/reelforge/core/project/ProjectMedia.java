package dev.reelforge.core.project;

import dev.reelforge.core.Environment;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Finds the photos and music a project names by id: the owner's own uploads in an environment and, for music, the
 * library that ships with Reelforge. What it finds is where the render fetches the file from and, for music, its
 * length (to loop it under the video).
 */
public interface ProjectMedia {

    /** The owner's photo with this id, in this environment; empty when there is none (or another owner's). */
    Optional<FoundMedia> photo(String owner, Environment environment, String id);

    /** The owner's music with this id, in this environment, else the library's track with it; empty when neither. */
    Optional<FoundMedia> music(String owner, Environment environment, String id);

    /**
     * @param source  the public URL the render fetches the file from
     * @param seconds the length of a track, once known
     * @param ready   whether the file has been checked and can be used ({@code false} while an upload or a URL is
     *                still being imported, or when importing it failed)
     */
    record FoundMedia(URI source, OptionalDouble seconds, boolean ready) {

        public FoundMedia {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(seconds, "seconds");
        }
    }
}
