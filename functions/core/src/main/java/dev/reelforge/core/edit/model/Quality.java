package dev.reelforge.core.edit.model;

import java.util.Locale;

/** The output quality presets, from smallest file to best picture. */
public enum Quality {
    VERYLOW, LOW, MEDIUM, HIGH, VERYHIGH;

    public static Quality fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
