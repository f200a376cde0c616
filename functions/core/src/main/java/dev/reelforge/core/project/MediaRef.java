package dev.reelforge.core.project;

import java.net.URI;
import java.util.Objects;

/** A photo or music track of a project: an uploaded or library item by its id, or a URL given directly. */
public sealed interface MediaRef {

    record Id(String id) implements MediaRef {

        public Id {
            Objects.requireNonNull(id);
        }
    }

    record Url(URI url) implements MediaRef {

        public Url {
            Objects.requireNonNull(url);
        }
    }
}
