package dev.reelforge.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The horizontal metrics of a TrueType font, read from its own tables ({@code head}, {@code hhea},
 * {@code hmtx}, {@code cmap}): enough to measure a line the way drawtext lays it out (advance widths,
 * no kerning, ascent and descent from {@code hhea}, as FreeType reports them). Read in plain Java because
 * measuring through AWT needs the system's FreeType library, which Lambda's runtime does not have.
 */
final class TrueTypeMetrics {

    /**
     * Character-map entries read at most (Unicode has 0x110000 code points): a font fetched for an edit is hostile,
     * and its ranges could otherwise ask for billions of entries.
     */
    private static final int MAX_MAPPINGS = 2 * 0x110000;

    private final int unitsPerEm;
    private final int ascender;
    private final int descender;
    private final int[] advances;
    private final Map<Integer, Integer> glyphs;

    private TrueTypeMetrics(int unitsPerEm, int ascender, int descender, int[] advances, Map<Integer, Integer> glyphs) {
        this.unitsPerEm = unitsPerEm;
        this.ascender = ascender;
        this.descender = descender;
        this.advances = advances;
        this.glyphs = glyphs;
    }

    static TrueTypeMetrics read(Path file) {
        try {
            return parse(ByteBuffer.wrap(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a TrueType font this reader understands", e);
        }
    }

    private static TrueTypeMetrics parse(ByteBuffer font) {
        TrueTypeTables tables = TrueTypeTables.of(font);
        int head = tables.offset("head");
        int hhea = tables.offset("hhea");
        int hmtx = tables.offset("hmtx");
        int unitsPerEm = Short.toUnsignedInt(font.getShort(head + 18));
        int ascender = font.getShort(hhea + 4);
        int descender = font.getShort(hhea + 6);
        int metricsCount = Short.toUnsignedInt(font.getShort(hhea + 34));
        int[] advances = new int[metricsCount];
        for (int i = 0; i < metricsCount; i++) {
            advances[i] = Short.toUnsignedInt(font.getShort(hmtx + 4 * i));
        }
        return new TrueTypeMetrics(unitsPerEm, ascender, descender, advances, unicodeGlyphs(font, tables.offset("cmap")));
    }

    /** The Unicode character-to-glyph map: a format 12 subtable (full Unicode) if there is one, else format 4. */
    static Map<Integer, Integer> unicodeGlyphs(ByteBuffer font, int cmap) {
        int subtables = Short.toUnsignedInt(font.getShort(cmap + 2));
        int format4 = -1;
        for (int i = 0; i < subtables; i++) {
            int record = cmap + 4 + 8 * i;
            int platform = Short.toUnsignedInt(font.getShort(record));
            int encoding = Short.toUnsignedInt(font.getShort(record + 2));
            int offset = cmap + font.getInt(record + 4);
            int format = Short.toUnsignedInt(font.getShort(offset));
            if (format == 12 && (platform == 3 && encoding == 10 || platform == 0)) {
                return format12(font, offset);
            }
            if (format == 4 && (platform == 3 && encoding == 1 || platform == 0)) {
                format4 = offset;
            }
        }
        if (format4 < 0) {
            throw new IllegalStateException("the font has no Unicode character map");
        }
        return format4(font, format4);
    }

    private static Map<Integer, Integer> format12(ByteBuffer font, int offset) {
        Map<Integer, Integer> glyphs = new HashMap<>();
        long groups = Integer.toUnsignedLong(font.getInt(offset + 12));
        int mappings = 0;
        for (int i = 0; i < groups; i++) {
            int group = offset + 16 + 12 * i;
            int start = font.getInt(group);
            int end = font.getInt(group + 4);
            int glyph = font.getInt(group + 8);
            if (end - start > MAX_MAPPINGS - mappings || start < 0 || end > 0x10FFFF) {
                throw new IllegalStateException("the font's character map is out of bounds");
            }
            mappings += Math.max(0, end - start + 1);
            for (int code = start; code <= end; code++) {
                glyphs.put(code, glyph + code - start);
            }
        }
        return glyphs;
    }

    private static Map<Integer, Integer> format4(ByteBuffer font, int offset) {
        Map<Integer, Integer> glyphs = new HashMap<>();
        int segments = Short.toUnsignedInt(font.getShort(offset + 6)) / 2;
        int ends = offset + 14;
        int starts = ends + 2 * segments + 2;
        int deltas = starts + 2 * segments;
        int rangeOffsets = deltas + 2 * segments;
        int mappings = 0;
        for (int s = 0; s < segments; s++) {
            int end = Short.toUnsignedInt(font.getShort(ends + 2 * s));
            int start = Short.toUnsignedInt(font.getShort(starts + 2 * s));
            int delta = font.getShort(deltas + 2 * s);
            int rangeOffset = Short.toUnsignedInt(font.getShort(rangeOffsets + 2 * s));
            mappings += Math.max(0, end - start + 1);
            if (mappings > MAX_MAPPINGS) {
                throw new IllegalStateException("the font's character map is out of bounds");
            }
            for (int code = start; code <= end && code != 0xFFFF; code++) {
                int glyph;
                if (rangeOffset == 0) {
                    glyph = (code + delta) & 0xFFFF;
                } else {
                    int address = rangeOffsets + 2 * s + rangeOffset + 2 * (code - start);
                    glyph = Short.toUnsignedInt(font.getShort(address));
                    if (glyph != 0) {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }
                if (glyph != 0) {
                    glyphs.put(code, glyph);
                }
            }
        }
        return glyphs;
    }

    /** How far a line of {@code text} advances at {@code sizePx} pixels per em. */
    double width(String text, double sizePx) {
        long units = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int glyph = glyphs.getOrDefault(codePoint, 0);
            units += advances[Math.min(glyph, advances.length - 1)];
            i += Character.charCount(codePoint);
        }
        return units * sizePx / unitsPerEm;
    }

    double ascent(double sizePx) {
        return ascender * sizePx / unitsPerEm;
    }

    /** Below the baseline, as a positive distance. */
    double descent(double sizePx) {
        return -descender * sizePx / unitsPerEm;
    }
}
