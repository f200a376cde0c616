package dev.reelforge.media;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The glyph outlines of a TrueType font, read from its own tables ({@code glyf}, {@code loca}, {@code hmtx},
 * {@code cmap}, {@code post}, {@code OS/2}) in plain Java, as {@link TrueTypeMetrics} reads its metrics: drawing
 * text through AWT's fonts needs the system's FreeType library, which Lambda's runtime does not have, while
 * filling a path is pure Java2D. Simple and composite glyphs; no hinting, no kerning.
 */
final class TrueTypeOutlines {

    /** Composite glyphs nest at most this deep (a hostile font could make them cycle). */
    private static final int MAX_DEPTH = 4;
    /**
     * Points one glyph may have, components included: a fetched font is hostile, and composites of composites could
     * otherwise multiply a glyph's size beyond memory.
     */
    private static final int MAX_POINTS = 100_000;

    private final ByteBuffer font;
    private final int unitsPerEm;
    private final boolean longOffsets;
    private final int loca;
    private final int glyf;
    private final int glyphCount;
    private final int[] advances;
    private final Map<Integer, Integer> glyphs;
    private final int ascender;
    private final int descender;
    private final int underlinePosition;
    private final int underlineThickness;
    private final int strikeoutPosition;
    private final int strikeoutSize;
    private final Map<Integer, Path2D.Double> outlines = new HashMap<>();
    private final Map<Integer, Integer> pointCounts = new HashMap<>();

    private TrueTypeOutlines(ByteBuffer font) {
        this.font = font;
        TrueTypeTables tables = TrueTypeTables.of(font);
        int head = tables.offset("head");
        int hhea = tables.offset("hhea");
        int hmtx = tables.offset("hmtx");
        unitsPerEm = Math.max(1, Short.toUnsignedInt(font.getShort(head + 18)));
        longOffsets = font.getShort(head + 50) != 0;
        loca = tables.offset("loca");
        glyf = tables.offset("glyf");
        glyphCount = Short.toUnsignedInt(font.getShort(tables.offset("maxp") + 4));
        ascender = font.getShort(hhea + 4);
        descender = font.getShort(hhea + 6);
        int metricsCount = Math.max(1, Short.toUnsignedInt(font.getShort(hhea + 34)));
        advances = new int[metricsCount];
        for (int i = 0; i < metricsCount; i++) {
            advances[i] = Short.toUnsignedInt(font.getShort(hmtx + 4 * i));
        }
        glyphs = TrueTypeMetrics.unicodeGlyphs(font, tables.offset("cmap"));
        Integer post = tables.find("post").orElse(null);
        underlinePosition = post == null ? -unitsPerEm / 10 : font.getShort(post + 8);
        underlineThickness = post == null ? unitsPerEm / 20 : font.getShort(post + 10);
        Integer os2 = tables.find("OS/2").orElse(null);
        strikeoutSize = os2 == null ? unitsPerEm / 20 : font.getShort(os2 + 26);
        strikeoutPosition = os2 == null ? unitsPerEm / 4 : font.getShort(os2 + 28);
    }

    static TrueTypeOutlines read(Path file) {
        try {
            return new TrueTypeOutlines(ByteBuffer.wrap(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a TrueType font this reader understands", e);
        }
    }

    /** The glyph of a character; 0 (the font's "missing" glyph) when it has none. */
    int glyph(int codePoint) {
        return glyphs.getOrDefault(codePoint, 0);
    }

    double advance(int glyph, double sizePx) {
        return advances[Math.min(glyph, advances.length - 1)] * sizePx / unitsPerEm;
    }

    double ascent(double sizePx) {
        return ascender * sizePx / unitsPerEm;
    }

    /** Below the baseline, as a positive distance. */
    double descent(double sizePx) {
        return -descender * sizePx / unitsPerEm;
    }

    /** Where the underline's top is, below the baseline (positive), and how thick it is. */
    double underlineOffset(double sizePx) {
        return -(underlinePosition + underlineThickness / 2.0) * sizePx / unitsPerEm;
    }

    double underlineThickness(double sizePx) {
        return Math.max(1, underlineThickness * sizePx / unitsPerEm);
    }

    /** Where the strike-through's top is, relative to the baseline (negative: above). */
    double strikeoutOffset(double sizePx) {
        return -strikeoutPosition * sizePx / unitsPerEm;
    }

    double strikeoutThickness(double sizePx) {
        return Math.max(1, strikeoutSize * sizePx / unitsPerEm);
    }

    /** The glyph's outline at {@code sizePx} pixels per em, its origin at ({@code x}, {@code baseline}), y down. */
    synchronized Path2D outline(int glyph, double sizePx, double x, double baseline) {
        Path2D.Double units;
        try {
            units = units(glyph, 0);
        } catch (RuntimeException e) {
            throw new IllegalStateException("glyph " + glyph + " of the font cannot be read: " + e.getMessage(), e);
        }
        double scale = sizePx / unitsPerEm;
        return new Path2D.Double(units, new AffineTransform(scale, 0, 0, -scale, x, baseline));
    }

    /** The glyph in font units, y up; each glyph is read once. */
    private Path2D.Double units(int glyph, int depth) {
        Path2D.Double known = outlines.get(glyph);
        if (known != null) {
            return known;
        }
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
        if (glyph < 0 || glyph >= glyphCount || depth > MAX_DEPTH) {
            return path;
        }
        pointCounts.put(glyph, 0);
        int start = longOffsets ? font.getInt(loca + 4 * glyph) : 2 * Short.toUnsignedInt(font.getShort(loca + 2 * glyph));
        int end = longOffsets ? font.getInt(loca + 4 * glyph + 4)
                : 2 * Short.toUnsignedInt(font.getShort(loca + 2 * glyph + 2));
        if (end <= start) {
            return path;
        }
        int offset = glyf + start;
        int contours = font.getShort(offset);
        if (contours >= 0) {
            simple(path, offset, contours, glyph);
        } else {
            composite(path, offset, depth, glyph);
        }
        outlines.put(glyph, path);
        return path;
    }

    private void count(int glyph, int points) {
        int total = pointCounts.merge(glyph, points, Integer::sum);
        if (total > MAX_POINTS) {
            throw new IllegalStateException("glyph " + glyph + " has more than " + MAX_POINTS + " points");
        }
    }

    private void simple(Path2D.Double path, int offset, int contours, int glyph) {
        int[] ends = new int[contours];
        for (int c = 0; c < contours; c++) {
            ends[c] = Short.toUnsignedInt(font.getShort(offset + 10 + 2 * c));
        }
        int points = contours == 0 ? 0 : ends[contours - 1] + 1;
        count(glyph, points);
        int instructions = Short.toUnsignedInt(font.getShort(offset + 10 + 2 * contours));
        int at = offset + 12 + 2 * contours + instructions;
        byte[] flags = new byte[points];
        for (int p = 0; p < points; ) {
            byte flag = font.get(at++);
            flags[p++] = flag;
            if ((flag & 8) != 0) {
                int repeat = Byte.toUnsignedInt(font.get(at++));
                for (int r = 0; r < repeat && p < points; r++) {
                    flags[p++] = flag;
                }
            }
        }
        int[] xs = new int[points];
        int[] ys = new int[points];
        int value = 0;
        for (int p = 0; p < points; p++) {
            int flag = flags[p];
            if ((flag & 2) != 0) {
                int delta = Byte.toUnsignedInt(font.get(at++));
                value += (flag & 16) != 0 ? delta : -delta;
            } else if ((flag & 16) == 0) {
                value += font.getShort(at);
                at += 2;
            }
            xs[p] = value;
        }
        value = 0;
        for (int p = 0; p < points; p++) {
            int flag = flags[p];
            if ((flag & 4) != 0) {
                int delta = Byte.toUnsignedInt(font.get(at++));
                value += (flag & 32) != 0 ? delta : -delta;
            } else if ((flag & 32) == 0) {
                value += font.getShort(at);
                at += 2;
            }
            ys[p] = value;
        }
        int first = 0;
        for (int c = 0; c < contours; c++) {
            contour(path, xs, ys, flags, first, ends[c]);
            first = ends[c] + 1;
        }
    }

    /** One closed contour of quadratic curves; two off-curve points in a row imply an on-curve one between them. */
    private static void contour(Path2D.Double path, int[] xs, int[] ys, byte[] flags, int first, int last) {
        int count = last - first + 1;
        if (count <= 0) {
            return;
        }
        // start on an on-curve point, or midway between the first two off-curve ones
        int startIndex = -1;
        for (int i = 0; i < count; i++) {
            if ((flags[first + i] & 1) != 0) {
                startIndex = i;
                break;
            }
        }
        double startX;
        double startY;
        if (startIndex >= 0) {
            startX = xs[first + startIndex];
            startY = ys[first + startIndex];
        } else {
            startIndex = 0;
            startX = (xs[first] + xs[first + (1 % count)]) / 2.0;
            startY = (ys[first] + ys[first + (1 % count)]) / 2.0;
        }
        path.moveTo(startX, startY);
        boolean pendingControl = false;
        double controlX = 0;
        double controlY = 0;
        for (int step = 1; step <= count; step++) {
            int i = first + (startIndex + step) % count;
            double x = xs[i];
            double y = ys[i];
            if ((flags[i] & 1) != 0) {
                if (pendingControl) {
                    path.quadTo(controlX, controlY, x, y);
                    pendingControl = false;
                } else {
                    path.lineTo(x, y);
                }
            } else {
                if (pendingControl) {
                    double midX = (controlX + x) / 2;
                    double midY = (controlY + y) / 2;
                    path.quadTo(controlX, controlY, midX, midY);
                }
                controlX = x;
                controlY = y;
                pendingControl = true;
            }
        }
        if (pendingControl) {
            path.quadTo(controlX, controlY, startX, startY);
        }
        path.closePath();
    }

    private void composite(Path2D.Double path, int offset, int depth, int glyph) {
        int at = offset + 10;
        while (true) {
            int flags = Short.toUnsignedInt(font.getShort(at));
            int component = Short.toUnsignedInt(font.getShort(at + 2));
            at += 4;
            double dx;
            double dy;
            if ((flags & 1) != 0) {
                dx = font.getShort(at);
                dy = font.getShort(at + 2);
                at += 4;
            } else {
                dx = font.get(at);
                dy = font.get(at + 1);
                at += 2;
            }
            if ((flags & 2) == 0) {
                // point-matched placement is rare in text fonts: placed at the origin
                dx = 0;
                dy = 0;
            }
            double a = 1;
            double b = 0;
            double c = 0;
            double d = 1;
            if ((flags & 8) != 0) {
                a = d = f2dot14(at);
                at += 2;
            } else if ((flags & 0x40) != 0) {
                a = f2dot14(at);
                d = f2dot14(at + 2);
                at += 4;
            } else if ((flags & 0x80) != 0) {
                a = f2dot14(at);
                b = f2dot14(at + 2);
                c = f2dot14(at + 4);
                d = f2dot14(at + 6);
                at += 8;
            }
            if (component == glyph) {
                throw new IllegalStateException("glyph " + glyph + " is made of itself");
            }
            Path2D.Double part = units(component, depth + 1);
            count(glyph, pointCounts.getOrDefault(component, 0));
            path.append(part.createTransformedShape(new AffineTransform(a, b, c, d, dx, dy)), false);
            if ((flags & 0x20) == 0) {
                return;
            }
        }
    }

    private double f2dot14(int at) {
        return font.getShort(at) / 16384.0;
    }
}
