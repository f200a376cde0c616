package dev.reelforge.core.edit.model;

import java.util.Arrays;

/** The relative title sizes, as a fraction of the frame height. */
public enum TitleSize {
    XX_SMALL("xx-small", 1 / 36.0),
    X_SMALL("x-small", 1 / 27.0),
    SMALL("small", 1 / 20.0),
    MEDIUM("medium", 1 / 14.0),
    LARGE("large", 1 / 10.0),
    X_LARGE("x-large", 1 / 7.0),
    XX_LARGE("xx-large", 1 / 5.0);

    private final String wireName;
    private final double ofHeight;

    TitleSize(String wireName, double ofHeight) {
        this.wireName = wireName;
        this.ofHeight = ofHeight;
    }

    public double ofHeight() {
        return ofHeight;
    }

    public static TitleSize fromWireName(String name) {
        return Arrays.stream(values()).filter(size -> size.wireName.equals(name)).findFirst().orElseThrow();
    }
}
