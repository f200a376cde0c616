package dev.reelforge.core.edit.model;

/** A frame size in pixels. */
public record Size(int width, int height) {

    public Size scaled(double factor) {
        return new Size(even(width * factor), even(height * factor));
    }

    /** Encoders want even dimensions. */
    static int even(double pixels) {
        return Math.max(2, (int) Math.round(pixels / 2) * 2);
    }
}
