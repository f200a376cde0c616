package dev.reelforge.core.edit.model;

/** Moves an asset by fractions of the frame: x to the right, y up. */
public record Offset(double x, double y) {

    public static final Offset NONE = new Offset(0, 0);
}
