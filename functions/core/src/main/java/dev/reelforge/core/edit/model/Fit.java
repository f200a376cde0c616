package dev.reelforge.core.edit.model;

import java.util.Locale;

/** How an asset is sized to the frame: crop (default) fills and crops, cover stretches, contain letterboxes. */
public enum Fit {
    CROP, COVER, CONTAIN, NONE;

    public static Fit fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
