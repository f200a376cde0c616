package dev.reelforge.core.edit.model;

import java.util.Arrays;
import java.util.Optional;

/** How a tween goes from its {@code from} to its {@code to}. */
public enum Interpolation {
    LINEAR("linear"),
    /** Along its {@link Easing}'s curve. */
    BEZIER("bezier"),
    /** Holds {@code from} for its length, then jumps to {@code to} (newer Shotstack schema). */
    CONSTANT("constant");

    private final String wireName;

    Interpolation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Interpolation> fromWireName(String name) {
        return Arrays.stream(values()).filter(value -> value.wireName.equals(name)).findFirst();
    }
}
