package dev.reelforge.core.edit.model;

/** A frame rate as an exact fraction: 29.97 is 30000/1001. */
public record Fps(int numerator, int denominator) {

    public static final Fps DEFAULT = new Fps(25, 1);

    public static Fps of(double value) {
        for (int base : new int[] {24, 30, 60}) {
            if (Math.abs(value - base * 1000 / 1001.0) < 0.01) {
                return new Fps(base * 1000, 1001);
            }
        }
        return new Fps((int) Math.round(value), 1);
    }

    public double value() {
        return (double) numerator / denominator;
    }
}
