package dev.reelforge.core.plan;

/**
 * Where a picture goes: scale the source to {@code scaledWidth} x {@code scaledHeight}, keep the window
 * {@code crop} of it, and draw that with its top-left corner at ({@code x}, {@code y}) of the frame
 * (which may be outside the frame).
 */
public record Box(int scaledWidth, int scaledHeight, Crop crop, int x, int y) {

    /** A window of the scaled picture. */
    public record Crop(int x, int y, int width, int height) {}
}
