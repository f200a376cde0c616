package dev.reelforge.core.plan;

import dev.reelforge.core.edit.model.Transform;

/**
 * Where a picture goes: scale the source to {@code scaledWidth} x {@code scaledHeight}, keep the window
 * {@code crop} of it, and draw that with its top-left corner at ({@code x}, {@code y}) of the frame
 * (which may be outside the frame). The source is first cut to {@code transform.crop()}; the window is then
 * flipped and turned about its centre as {@code transform} says.
 */
public record Box(int scaledWidth, int scaledHeight, Crop crop, int x, int y, Transform transform) {

    public Box(int scaledWidth, int scaledHeight, Crop crop, int x, int y) {
        this(scaledWidth, scaledHeight, crop, x, y, Transform.NONE);
    }

    /** A window of the scaled picture. */
    public record Crop(int x, int y, int width, int height) {}
}
