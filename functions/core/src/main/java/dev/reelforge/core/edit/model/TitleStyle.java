package dev.reelforge.core.edit.model;

import java.util.Arrays;

/**
 * The title presets, each drawn with a shipped face: {@code sizeFactor} scales the chosen size,
 * {@code uppercase} shouts, and {@code subtitle} sits at the bottom on a translucent band.
 */
public enum TitleStyle {
    MINIMAL("minimal", FontFace.SANS_REGULAR, 1.0, false),
    BLOCKBUSTER("blockbuster", FontFace.SANS_BOLD, 1.2, true),
    VOGUE("vogue", FontFace.SERIF_ITALIC, 1.1, false),
    SKETCHY("sketchy", FontFace.MONO_ITALIC, 1.0, false),
    SKINNY("skinny", FontFace.SANS_REGULAR, 0.9, false),
    CHUNK("chunk", FontFace.SANS_BOLD, 1.3, true),
    CHUNK_LIGHT("chunkLight", FontFace.SANS_BOLD, 1.1, false),
    MARKER("marker", FontFace.SERIF_BOLD_ITALIC, 1.1, false),
    FUTURE("future", FontFace.MONO_BOLD, 1.0, true),
    SUBTITLE("subtitle", FontFace.SANS_REGULAR, 0.6, false);

    private final String wireName;
    private final FontFace face;
    private final double sizeFactor;
    private final boolean uppercase;

    TitleStyle(String wireName, FontFace face, double sizeFactor, boolean uppercase) {
        this.wireName = wireName;
        this.face = face;
        this.sizeFactor = sizeFactor;
        this.uppercase = uppercase;
    }

    public FontFace face() {
        return face;
    }

    public double sizeFactor() {
        return sizeFactor;
    }

    public boolean uppercase() {
        return uppercase;
    }

    public static TitleStyle fromWireName(String name) {
        return Arrays.stream(values()).filter(style -> style.wireName.equals(name)).findFirst().orElseThrow();
    }
}
