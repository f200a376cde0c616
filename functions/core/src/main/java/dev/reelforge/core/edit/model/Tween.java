package dev.reelforge.core.edit.model;

/**
 * One segment of an animated property: from {@code from} to {@code to} over {@code length} seconds beginning
 * {@code start} seconds into the clip; {@code easing} shapes a {@code bezier} one.
 */
public record Tween(double from, double to, double start, double length, Interpolation interpolation,
        Easing easing) {

    public double end() {
        return start + length;
    }

    /** The value {@code clipSeconds} into the clip, while this tween runs (from before, to after). */
    public double valueAt(double clipSeconds) {
        if (clipSeconds <= start) {
            return from;
        }
        if (clipSeconds >= end()) {
            return to;
        }
        double progress = (clipSeconds - start) / length;
        return switch (interpolation) {
            case LINEAR -> from + (to - from) * progress;
            case BEZIER -> from + (to - from) * easing.apply(progress);
            case CONSTANT -> from;
        };
    }
}
