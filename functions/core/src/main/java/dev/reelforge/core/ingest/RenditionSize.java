package dev.reelforge.core.ingest;

import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.ingest.RenditionEncoder.SourceMedia;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The frame size a rendition asks for: both sides (a {@code resolution} preset, or {@code size} with width and
 * height), or one side of {@code size}, the other then following the source's aspect ratio (as one would expect of
 * "make it 640 wide"), which is known once the source is probed.
 */
public record RenditionSize(OptionalInt width, OptionalInt height) {

    public RenditionSize {
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(height, "height");
        if (width.isEmpty() && height.isEmpty()) {
            throw new IllegalArgumentException("a rendition size has a width, a height or both");
        }
    }

    public static RenditionSize of(Size size) {
        return new RenditionSize(OptionalInt.of(size.width()), OptionalInt.of(size.height()));
    }

    /** Whether both sides are given, so the frame does not depend on the source. */
    public boolean complete() {
        return width.isPresent() && height.isPresent();
    }

    /**
     * The frame for a source with pictures: the missing side scaled from the given one with the source's aspect
     * ratio, rounded to an even number of pixels (encoders want even sides), at least 2.
     */
    public Size frameFor(SourceMedia media) {
        if (complete()) {
            return new Size(width.getAsInt(), height.getAsInt());
        }
        if (media.width() <= 0 || media.height() <= 0) {
            throw new IllegalArgumentException("a one-sided size needs a source with pictures");
        }
        if (width.isPresent()) {
            return new Size(width.getAsInt(), even((double) width.getAsInt() * media.height() / media.width()));
        }
        return new Size(even((double) height.getAsInt() * media.width() / media.height()), height.getAsInt());
    }

    private static int even(double pixels) {
        return Math.max(2, (int) Math.round(pixels / 2) * 2);
    }
}
