package dev.reelforge.core.edit.model;

/**
 * How a clip's picture is shaped: the asset's {@code crop} (fractions of the asset cut from each side, before it
 * is fitted), then {@code flip} (a mirror of the fitted picture) and {@code rotate.angle} (degrees, clockwise when
 * positive, about the picture's centre), after {@code skew} (a shear about the centre, in fractions of the
 * frame): the bottom edge moves {@code skewX} frame widths right of the top edge, the right edge {@code skewY} frame
 * heights below the left edge.
 */
public record Transform(Crop crop, boolean flipHorizontal, boolean flipVertical, double angle, double skewX,
        double skewY) {

    public static final Transform NONE = new Transform(Crop.NONE, false, false, 0);

    public Transform {
        angle = angle % 360;
    }

    public Transform(Crop crop, boolean flipHorizontal, boolean flipVertical, double angle) {
        this(crop, flipHorizontal, flipVertical, angle, 0, 0);
    }

    public boolean skews() {
        return skewX != 0 || skewY != 0;
    }

    public boolean rotates() {
        return angle != 0;
    }

    public boolean flips() {
        return flipHorizontal || flipVertical;
    }

    /** Fractions of the asset cut from each side; what is left is at least a pixel (checked when read). */
    public record Crop(double top, double bottom, double left, double right) {

        public static final Crop NONE = new Crop(0, 0, 0, 0);

        public boolean crops() {
            return top > 0 || bottom > 0 || left > 0 || right > 0;
        }

        public double keptWidth() {
            return 1 - left - right;
        }

        public double keptHeight() {
            return 1 - top - bottom;
        }
    }
}
