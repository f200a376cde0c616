package dev.reelforge.core.project;

import java.net.URI;
import java.util.Objects;
import java.util.OptionalDouble;

/** Where a project's photo or track is fetched from, and a track's length when known (to loop it). */
@FunctionalInterface
public interface MediaResolver {

    ResolvedMedia resolve(MediaRef ref);

    record ResolvedMedia(URI url, OptionalDouble seconds) {

        public ResolvedMedia {
            Objects.requireNonNull(url);
            Objects.requireNonNull(seconds);
        }
    }

}
