package dev.reelforge.core.edit.model;

import java.util.Optional;

/**
 * What the newest contract adds to a text asset around its glyphs: {@code padding} pixels between the background's
 * edge and the text, an outline of {@code strokeWidth} pixels in {@code stroke}, the {@code ellipsis} that ends
 * the last line kept when the text overflows its box's height, and the background's corner radius in pixels.
 */
public record TextFinish(int padding, Optional<Color> stroke, double strokeWidth, Optional<String> ellipsis,
        int borderRadius) {

    public static final TextFinish NONE = new TextFinish(0, Optional.empty(), 0, Optional.empty(), 0);

    /** Square corners. */
    public TextFinish(int padding, Optional<Color> stroke, double strokeWidth, Optional<String> ellipsis) {
        this(padding, stroke, strokeWidth, ellipsis, 0);
    }

    /** Whether an outline is drawn. */
    public boolean stroked() {
        return stroke.isPresent() && strokeWidth > 0;
    }
}
