package dev.reelforge.core.edit.model;

/** The {@code Slow}/{@code Fast} suffix of transitions and motion effects. */
public enum Speed {
    SLOW(2.0),
    NORMAL(1.0),
    FAST(0.5);

    private final double durationFactor;

    Speed(double durationFactor) {
        this.durationFactor = durationFactor;
    }

    /** How much longer (over 1) or shorter (under 1) than normal the movement takes. */
    public double durationFactor() {
        return durationFactor;
    }

    /** Splits {@code zoomInFast} into {@code zoomIn} and FAST. */
    public static Speed ofSuffixed(String name) {
        if (name.endsWith("Slow")) {
            return SLOW;
        }
        return name.endsWith("Fast") ? FAST : NORMAL;
    }

    public static String baseName(String name) {
        return name.replaceFirst("(Slow|Fast)$", "");
    }
}
