package dev.reelforge.core.edit.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rate of change of a {@code bezier} tween: Shotstack's easing names are the CSS keywords ({@code ease},
 * {@code easeIn}, {@code easeOut}, {@code easeInOut}) and Penner's curves, each the CSS {@code cubic-bezier}
 * of the same name (control points as published on easings.net); {@code ease} when a tween names none.
 */
public enum Easing {
    EASE("ease", 0.25, 0.1, 0.25, 1),
    EASE_IN("easeIn", 0.42, 0, 1, 1),
    EASE_OUT("easeOut", 0, 0, 0.58, 1),
    EASE_IN_OUT("easeInOut", 0.42, 0, 0.58, 1),
    EASE_IN_QUAD("easeInQuad", 0.11, 0, 0.5, 0),
    EASE_IN_CUBIC("easeInCubic", 0.32, 0, 0.67, 0),
    EASE_IN_QUART("easeInQuart", 0.5, 0, 0.75, 0),
    EASE_IN_QUINT("easeInQuint", 0.64, 0, 0.78, 0),
    EASE_IN_SINE("easeInSine", 0.12, 0, 0.39, 0),
    EASE_IN_EXPO("easeInExpo", 0.7, 0, 0.84, 0),
    EASE_IN_CIRC("easeInCirc", 0.55, 0, 1, 0.45),
    EASE_IN_BACK("easeInBack", 0.36, 0, 0.66, -0.56),
    EASE_OUT_QUAD("easeOutQuad", 0.5, 1, 0.89, 1),
    EASE_OUT_CUBIC("easeOutCubic", 0.33, 1, 0.68, 1),
    EASE_OUT_QUART("easeOutQuart", 0.25, 1, 0.5, 1),
    EASE_OUT_QUINT("easeOutQuint", 0.22, 1, 0.36, 1),
    EASE_OUT_SINE("easeOutSine", 0.61, 1, 0.88, 1),
    EASE_OUT_EXPO("easeOutExpo", 0.16, 1, 0.3, 1),
    EASE_OUT_CIRC("easeOutCirc", 0, 0.55, 0.45, 1),
    EASE_OUT_BACK("easeOutBack", 0.34, 1.56, 0.64, 1),
    EASE_IN_OUT_QUAD("easeInOutQuad", 0.45, 0, 0.55, 1),
    EASE_IN_OUT_CUBIC("easeInOutCubic", 0.65, 0, 0.35, 1),
    EASE_IN_OUT_QUART("easeInOutQuart", 0.76, 0, 0.24, 1),
    EASE_IN_OUT_QUINT("easeInOutQuint", 0.83, 0, 0.17, 1),
    EASE_IN_OUT_SINE("easeInOutSine", 0.37, 0, 0.63, 1),
    EASE_IN_OUT_EXPO("easeInOutExpo", 0.87, 0, 0.13, 1),
    EASE_IN_OUT_CIRC("easeInOutCirc", 0.85, 0, 0.15, 1),
    EASE_IN_OUT_BACK("easeInOutBack", 0.68, -0.6, 0.32, 1.6);

    /** Bisection steps that find the curve's parameter for a progress: 2^-30 is far below a frame or a pixel. */
    public static final int STEPS = 30;

    private final String wireName;
    private final double x1;
    private final double y1;
    private final double x2;
    private final double y2;

    Easing(String wireName, double x1, double y1, double x2, double y2) {
        this.wireName = wireName;
        this.x1 = x1;
        this.y1 = y1;
        this.x2 = x2;
        this.y2 = y2;
    }

    public String wireName() {
        return wireName;
    }

    public double x1() {
        return x1;
    }

    public double y1() {
        return y1;
    }

    public double x2() {
        return x2;
    }

    public double y2() {
        return y2;
    }

    public static Optional<Easing> fromWireName(String name) {
        return Arrays.stream(values()).filter(easing -> easing.wireName.equals(name)).findFirst();
    }

    /** The eased progress (0 at 0, 1 at 1; Back curves overshoot) of a linear progress between 0 and 1. */
    public double apply(double progress) {
        double p = Math.max(0, Math.min(1, progress));
        double low = 0;
        double high = 1;
        for (int step = 0; step < STEPS; step++) {
            double middle = (low + high) / 2;
            if (bezier(x1, x2, middle) < p) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return bezier(y1, y2, (low + high) / 2);
    }

    /** One coordinate of the cubic Bezier from 0 to 1 with control points c1 and c2, at parameter u. */
    static double bezier(double c1, double c2, double u) {
        double v = 1 - u;
        return 3 * v * v * u * c1 + 3 * v * u * u * c2 + u * u * u;
    }
}
