package dev.reelforge.media;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.plan.VisualLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a text layer's lines go in the frame, measured with the TTF drawtext draws with.
 *
 * <p>Lines are the text's {@code \n}-separated lines, each wrapped at word boundaries to the box width (the
 * frame's when the box has none) when the layer wraps; a word wider than that is broken between characters.
 * Baselines are {@code lineHeight x sizePx} apart. The box is {@code boxWidth x boxHeight}, or, for a missing
 * side, the text's extent, padded when the text has a background (the band behind a title). The box is
 * anchored at the position's fractions of the frame's free space, then moved by the offset (x right, y up, in
 * fractions of the frame). Along a side the box does not give (a title's, a text's without {@code width} or
 * {@code height}) a margin of 4% of the frame height is kept from the edges; a side it gives is placed as a
 * picture of that size is, flush with them (as Shotstack places a text asset's bounding box).
 */
record TextLayout(List<Line> lines, int boxX, int boxY, int boxWidth, int boxHeight, int innerX, int innerWidth) {

    /** Kept clear along the frame's edges, as a fraction of its height. */
    static final double MARGIN = 0.04;
    /** Around text with a background and no box of its own, as fractions of the font size. */
    static final double BAND_PADDING_X = 0.4;
    static final double BAND_PADDING_Y = 0.2;

    /** One line and the frame row of its baseline. */
    record Line(String text, int baseline) {}

    static TextLayout of(VisualLayer.Text text, Size frame, SizedFont font) {
        int padding = text.finish().padding();
        int wrapWidth = Math.max(1, text.boxWidth().map(width -> width - 2 * padding).orElse(frame.width()));
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.text().split("\r?\n", -1)) {
            if (text.wrap()) {
                lines.addAll(wrap(paragraph, wrapWidth, font));
            } else {
                lines.add(paragraph);
            }
        }
        double ascent = font.ascent();
        double pitch = text.lineHeight() * text.sizePx();
        if (text.finish().ellipsis().isPresent() && text.boxHeight().isPresent()) {
            lines = ellipsized(lines, text.finish().ellipsis().get(), text.boxHeight().get() - 2 * padding,
                    ascent + font.descent(), pitch, wrapWidth, font);
        }
        double blockHeight = (lines.size() - 1) * pitch + ascent + font.descent();
        double extentWidth = lines.stream().mapToDouble(line -> width(line, font)).max().orElse(0);

        boolean band = text.background().isPresent();
        int padX = padding > 0 ? padding
                : band && text.boxWidth().isEmpty() ? (int) Math.round(BAND_PADDING_X * text.sizePx()) : 0;
        int padY = padding > 0 ? padding
                : band && text.boxHeight().isEmpty() ? (int) Math.round(BAND_PADDING_Y * text.sizePx()) : 0;
        int boxWidth = text.boxWidth().orElse((int) Math.ceil(extentWidth) + 2 * padX);
        int boxHeight = text.boxHeight().orElse((int) Math.ceil(blockHeight) + 2 * padY);

        // a side given by the box is placed as a picture of that size is, flush with the frame's edges
        double marginX = text.boxWidth().isPresent() ? 0 : MARGIN * frame.height();
        double marginY = text.boxHeight().isPresent() ? 0 : MARGIN * frame.height();
        int boxX = (int) Math.round(marginX + (frame.width() - 2 * marginX - boxWidth) * text.position().x()
                + text.offset().x() * frame.width());
        int boxY = (int) Math.round(marginY + (frame.height() - 2 * marginY - boxHeight) * text.position().y()
                - text.offset().y() * frame.height());

        double vertical = switch (text.vertical()) {
            case TOP -> 0;
            case CENTER -> 0.5;
            case BOTTOM -> 1;
        };
        double top = boxY + padY + (boxHeight - 2 * padY - blockHeight) * vertical;
        List<Line> placed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            placed.add(new Line(lines.get(i), (int) Math.round(top + ascent + i * pitch)));
        }
        return new TextLayout(placed, boxX, boxY, boxWidth, boxHeight, boxX + padX, boxWidth - 2 * padX);
    }

    /** The drawtext {@code x} of a line of {@code text_w} pixels, aligned in the box. */
    static String x(Asset.HorizontalAlign align, int innerX, int innerWidth) {
        return switch (align) {
            case LEFT -> Integer.toString(innerX);
            case CENTER -> innerX + "+(" + innerWidth + "-text_w)/2";
            case RIGHT -> innerX + "+" + innerWidth + "-text_w";
        };
    }

    static List<String> wrap(String paragraph, double maxWidth, SizedFont font) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.strip().split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (width(word, font) <= maxWidth) {
                line.append(word);
            } else {
                for (int offset = 0; offset < word.length(); ) {
                    int codePoint = word.codePointAt(offset);
                    String next = line + Character.toString(codePoint);
                    if (!line.isEmpty() && width(next, font) > maxWidth) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.appendCodePoint(codePoint);
                    offset += Character.charCount(codePoint);
                }
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * The lines that fit {@code height} (at least one), the last one kept ending with {@code ellipsis} when some
     * were left out, shortened until it fits {@code maxWidth}.
     */
    static List<String> ellipsized(List<String> lines, String ellipsis, double height, double lineExtent,
            double pitch, double maxWidth, SizedFont font) {
        int fitting = Math.max(1, 1 + (int) Math.floor((height - lineExtent) / pitch + 1e-9));
        if (lines.size() <= fitting) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, fitting));
        kept.set(fitting - 1, Ellipsis.ending(kept.get(fitting - 1), ellipsis, text -> width(text, font), maxWidth));
        return kept;
    }

    static double width(String text, SizedFont font) {
        return font.width(text);
    }
}
