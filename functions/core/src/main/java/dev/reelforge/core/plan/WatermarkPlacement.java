package dev.reelforge.core.plan;

import dev.reelforge.core.edit.model.Size;

/**
 * Where the sandbox ({@code stage}) watermark goes on an output: a fifth of the frame's width (at most
 * half its height), in the bottom-right corner with a margin of 2% of the width, at 50% opacity. The
 * encoder (video outputs) and the composer (image outputs) both place it so.
 */
public record WatermarkPlacement(int x, int y, int width, int height) {

    public static final int OPACITY_PERCENT = 50;
    static final double WIDTH = 0.2;
    static final double MARGIN = 0.02;

    /** The placement on a {@code frame} of a watermark image of {@code image} size. */
    public static WatermarkPlacement on(Size frame, Size image) {
        int width = Math.max(1, (int) Math.round(frame.width() * WIDTH));
        int height = Math.max(1, (int) Math.round(width * (double) image.height() / image.width()));
        if (height > frame.height() / 2) {
            height = Math.max(1, frame.height() / 2);
            width = Math.max(1, (int) Math.round(height * (double) image.width() / image.height()));
        }
        int margin = (int) Math.round(frame.width() * MARGIN);
        return new WatermarkPlacement(Math.max(0, frame.width() - width - margin),
                Math.max(0, frame.height() - height - margin), width, height);
    }
}
