package dev.reelforge.core.project;

import java.util.Objects;

/** One line of a project's closing credits, a {@code [key, value]} pair on the wire ("Photos", "Ana"). */
public record Credit(String key, String value) {

    public Credit {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value);
    }
}
