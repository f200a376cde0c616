package dev.reelforge.media;

import java.util.function.ToDoubleFunction;

/** How a line cut short ends, the same for text (drawtext) and rich text (painted). */
final class Ellipsis {

    private Ellipsis() {}

    /** {@code line} ending with {@code ellipsis}, shortened a character at a time until it fits {@code maxWidth}. */
    static String ending(String line, String ellipsis, ToDoubleFunction<String> width, double maxWidth) {
        String last = line.stripTrailing();
        while (!last.isEmpty() && width.applyAsDouble(last + ellipsis) > maxWidth) {
            last = last.substring(0, last.offsetByCodePoints(last.length(), -1)).stripTrailing();
        }
        return last + ellipsis;
    }
}
