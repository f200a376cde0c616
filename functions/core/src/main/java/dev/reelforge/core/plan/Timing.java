package dev.reelforge.core.plan;

/** When a layer or sound is present on the output timeline, in seconds. */
public record Timing(double start, double length) {

    public double end() {
        return start + length;
    }
}
