package dev.reelforge.core.ingest;

import java.util.Objects;

/**
 * A rendition as a request asks for it: what to make, and the request's own words for it (JSON), which the source
 * shows back as the rendition's {@code transformation}.
 */
public record RequestedRendition(RenditionSpec spec, String transformation) {

    public RequestedRendition {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(transformation, "transformation");
    }
}
