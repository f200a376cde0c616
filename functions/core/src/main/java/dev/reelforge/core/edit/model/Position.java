package dev.reelforge.core.edit.model;

import java.util.Arrays;

/** One of nine anchor points of the frame, as fractions of the free space left and above. */
public enum Position {
    TOP_LEFT("topLeft", 0, 0),
    TOP("top", 0.5, 0),
    TOP_RIGHT("topRight", 1, 0),
    LEFT("left", 0, 0.5),
    CENTER("center", 0.5, 0.5),
    RIGHT("right", 1, 0.5),
    BOTTOM_LEFT("bottomLeft", 0, 1),
    BOTTOM("bottom", 0.5, 1),
    BOTTOM_RIGHT("bottomRight", 1, 1);

    private final String wireName;
    private final double x;
    private final double y;

    Position(String wireName, double x, double y) {
        this.wireName = wireName;
        this.x = x;
        this.y = y;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public static Position fromWireName(String name) {
        return Arrays.stream(values()).filter(position -> position.wireName.equals(name)).findFirst().orElseThrow();
    }
}
