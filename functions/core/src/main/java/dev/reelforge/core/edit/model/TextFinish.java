package dev.reelforge.core.edit.model;

import java.util.Optional;

/**
 * What the newest contract adds to a text asset around its glyphs: {@code padding} pixels between the background's
 * edge and the text, an outline of {@code strokeWidth} pixels in {@code stroke}, and the {@code ellipsis} that ends
 * the last line kept when the text overflows its box's height.
 */
public record TextFinish(int padding, Optional<Color> stroke, double strokeWidth, Optional<String> ellipsis) {

    public static final TextFinish NONE = new TextFinish(0, Optional.empty(), 0, Optional.empty());

    /** Whether an outline is drawn. */
    public boolean stroked() {
        return stroke.isPresent() && strokeWidth > 0;
    }
}
