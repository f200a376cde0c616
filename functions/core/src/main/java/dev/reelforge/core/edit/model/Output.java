package dev.reelforge.core.edit.model;

import java.util.Optional;

/**
 * What to produce. {@code size} is the frame the edit is composed at; {@code scaleTo} is the size written,
 * when the edit asks to compose at one size and deliver another. {@code hosted} is false when the
 * Shotstack hosting destination is excluded.
 */
public record Output(OutputFormat format, Size size, Optional<Size> scaleTo, Fps fps, Quality quality, boolean repeat,
        boolean mute, Optional<Range> range, Optional<Double> posterAt, Optional<Thumbnail> thumbnail, boolean hosted) {

    /** A part of the timeline to render. */
    public record Range(double start, double length) {}

    /** A frame at {@code capture} seconds, scaled by {@code scale} (0 to 1) of the output size. */
    public record Thumbnail(double capture, double scale) {}

    public Size deliveredSize() {
        return scaleTo.orElse(size);
    }
}
