package dev.reelforge.core.pipeline;

import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Position;
import java.nio.file.Path;
import java.util.List;

/**
 * Lays out an HTML asset and draws it into a PNG of exactly {@code width} x {@code height} pixels, transparent
 * where neither the background nor the content covers it. Nothing outside the page is ever fetched.
 */
public interface HtmlRasterizer {

    /**
     * @param fonts the edit's own fonts, usable by their family names next to the shipped ones
     * @throws HtmlRenderingFailedException when the markup cannot be drawn (its message is fit to show the user)
     */
    void rasterize(Page page, List<FontFile> fonts, Path target);

    /** The markup, its style sheet, the box and where in the box the content sits. */
    record Page(String html, String css, int width, int height, Color background, Position position) {}

    record FontFile(String family, Path file) {}

    /** The markup could not be laid out or drawn. */
    final class HtmlRenderingFailedException extends RuntimeException {
        public HtmlRenderingFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
