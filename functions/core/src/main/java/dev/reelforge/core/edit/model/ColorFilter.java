package dev.reelforge.core.edit.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum ColorFilter {
    BLUR, BOOST, CONTRAST, DARKEN, GREYSCALE, LIGHTEN, MUTED, NEGATIVE;

    public static Optional<ColorFilter> fromWireName(String name) {
        return Arrays.stream(values()).filter(filter -> filter.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }
}
