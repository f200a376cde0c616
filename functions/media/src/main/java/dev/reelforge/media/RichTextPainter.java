package dev.reelforge.media;

import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.RichTextLook;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a rich text with Java2D into a transparent canvas, as it looks a given number of seconds into its clip.
 *
 * <p>Glyphs are the font file's own outlines ({@link TrueTypeOutlines}), filled by Java2D: no AWT font (which needs
 * FreeType, missing on Lambda). The text is laid out once: wrapped at spaces to the canvas less its padding (explicit line breaks kept),
 * each character advanced by its glyph's advance plus {@code letterSpacing} (a space also by
 * {@code wordSpacing}), lines {@code lineHeight} x size apart (with an ellipsis, only those that fit the padded box,
 * the last ending with it), the block aligned in the padded box. Then each frame
 * draws, bottom first: the background (the whole canvas, rounded), the border (inside the canvas edge), the
 * blurred shadow, the outline (centred on the glyph edges, under the fill) and the fill (colour, or a gradient
 * across the text block), with the decoration line under or through each character.
 *
 * <p>Animation presets, after Shotstack's own text engine (the direction is the way the text travels):
 * <ul>
 * <li>{@code fadeIn}: the block from transparent and 80% size to opaque and full size over the duration.</li>
 * <li>{@code slideIn}: the block travels 10% of the canvas in its direction into place, fading in, over 80% of
 * the duration.</li>
 * <li>{@code typewriter}: characters (or words) appear one after another over 90% of the duration.</li>
 * <li>{@code ascend}: words rise (or sink, {@code down}) 50 pixels into place, fading in, each over 0.6 s,
 * one after another across 80% of the duration.</li>
 * <li>{@code shift}: characters (or words) travel 30 pixels into place, fading in, each over 30% of the
 * duration, started one after another across 70% of it.</li>
 * <li>{@code movingLetters}: characters travel 50 pixels into place with an overshoot, fading in, each over
 * 0.8 s, one after another across 80% of the duration.</li>
 * </ul>
 * Motions ease out (quadratic; the letters' overshoot is a "back" ease of 1.7).
 */
final class RichTextPainter {

    /** One drawn character where it ends up: its outline, that with its piece of the decoration line, its units. */
    private record Glyph(Shape outline, Shape decorated, Shape cell, int character, int word) {}

    /** A unit's state at one time: moved by (dx, dy), this opaque. */
    private record State(double dx, double dy, double alpha) {
        static final State DONE = new State(0, 0, 1);
        static final State HIDDEN = new State(0, 0, 0);
    }

    private final RichTextLook look;
    private final int width;
    private final int height;
    private final TrueTypeOutlines font;
    private final double size;
    private final List<Glyph> glyphs = new ArrayList<>();
    private final Rectangle2D block;
    private final int characters;
    private final int words;

    RichTextPainter(RichTextLook look, int width, int height, TrueTypeOutlines face) {
        this.look = look;
        this.width = width;
        this.height = height;
        this.font = face;
        this.size = look.size();
        RichTextLook.Padding padding = look.padding();
        double innerX = padding.left();
        double innerWidth = Math.max(1, width - padding.left() - padding.right());
        double innerHeight = Math.max(1, height - padding.top() - padding.bottom());
        List<List<String>> lines = wrap(innerWidth);
        double ascent = font.ascent(size);
        double descent = font.descent(size);
        double lineHeight = look.lineHeight() * look.size();
        if (look.ellipsis().isPresent()) {
            lines = ellipsized(lines, look.ellipsis().get(), innerHeight, ascent + descent, lineHeight, innerWidth);
        }
        double blockHeight = lineHeight * lines.size();
        double top = padding.top() + switch (look.vertical()) {
            case TOP -> 0;
            case CENTER -> (innerHeight - blockHeight) / 2;
            case BOTTOM -> innerHeight - blockHeight;
        };
        double left = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        int character = 0;
        int word = 0;
        for (int l = 0; l < lines.size(); l++) {
            double baseline = top + l * lineHeight + (lineHeight - ascent - descent) / 2 + ascent;
            List<String> line = lines.get(l);
            double lineWidth = lineWidth(line);
            double x = innerX + switch (look.horizontal()) {
                case LEFT -> 0;
                case CENTER -> (innerWidth - lineWidth) / 2;
                case RIGHT -> innerWidth - lineWidth;
            };
            left = Math.min(left, x);
            right = Math.max(right, x + lineWidth);
            for (int w = 0; w < line.size(); w++) {
                if (w > 0) {
                    // the word's last letter was followed by its letter spacing already
                    x += spaceAdvance() - look.letterSpacing();
                    character++;
                }
                String text = line.get(w);
                for (int i = 0; i < text.length(); ) {
                    int codePoint = text.codePointAt(i);
                    int glyph = font.glyph(codePoint);
                    double advance = font.advance(glyph, size);
                    Shape outline = font.outline(glyph, size, x, baseline);
                    // the highlight (font.background) behind it: its advance and spacing, ascent to descent
                    Shape cell = new Rectangle2D.Double(x, baseline - ascent,
                            advance + Math.max(0, look.letterSpacing()), ascent + descent);
                    glyphs.add(new Glyph(outline, withDecoration(outline, x, baseline, advance), cell, character++,
                            word));
                    x += advance + look.letterSpacing();
                    i += Character.charCount(codePoint);
                }
                word++;
            }
            character++;
        }
        this.characters = Math.max(1, character);
        this.words = Math.max(1, word);
        this.block = glyphs.isEmpty() ? new Rectangle2D.Double(0, 0, width, height)
                : new Rectangle2D.Double(left, top, Math.max(1, right - left), Math.max(1, blockHeight));
    }

    /** Seconds into the clip after which the text no longer changes. */
    double animationSeconds() {
        return look.animation().map(animation -> {
            double d = animation.seconds();
            return switch (animation.preset()) {
                case FADE_IN, TYPEWRITER -> d;
                case SLIDE_IN -> 0.8 * d;
                case ASCEND -> 0.8 * d * (words - 1) / words + 0.6;
                case SHIFT -> 0.05 + 0.7 * d + 0.3 * d;
                case MOVING_LETTERS -> 0.8 * d * (characters - 1) / characters + 0.8;
            };
        }).orElse(0.0);
    }

    /** The canvas {@code seconds} into the clip. */
    BufferedImage paint(double seconds) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            look.background().ifPresent(background -> {
                g.setPaint(awt(background.color()));
                if (background.wrap()) {
                    double pad = background.padding();
                    g.fill(new RoundRectangle2D.Double(block.getX() - pad, block.getY() - pad,
                            block.getWidth() + 2 * pad, block.getHeight() + 2 * pad, 2 * background.radius(),
                            2 * background.radius()));
                } else {
                    g.fill(rounded(0, background.radius()));
                }
            });
            look.border().ifPresent(border -> {
                g.setPaint(awt(border.color()));
                g.setStroke(new BasicStroke((float) border.width()));
                g.draw(rounded(border.width() / 2, border.radius()));
            });
            AffineTransform whole = wholeTransform(seconds);
            double wholeAlpha = wholeAlpha(seconds);
            List<Shape> shapes = new ArrayList<>();
            List<Shape> outlines = new ArrayList<>();
            List<Shape> cells = new ArrayList<>();
            List<Double> alphas = new ArrayList<>();
            for (Glyph glyph : glyphs) {
                State state = state(glyph, seconds);
                double alpha = state.alpha() * wholeAlpha;
                if (alpha <= 0.004) {
                    continue;
                }
                AffineTransform at = new AffineTransform(whole);
                at.translate(state.dx(), state.dy());
                shapes.add(at.createTransformedShape(glyph.decorated()));
                // the outline follows the letters only: around each letter's piece of the line it would cut it up
                outlines.add(at.createTransformedShape(glyph.outline()));
                cells.add(at.createTransformedShape(glyph.cell()));
                alphas.add(alpha);
            }
            look.highlight().ifPresent(highlight -> {
                g.setPaint(awt(highlight));
                for (int i = 0; i < cells.size(); i++) {
                    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alphas.get(i).floatValue()));
                    g.fill(cells.get(i));
                }
            });
            look.shadow().ifPresent(shadow -> drawShadow(g, shadow, shapes, alphas));
            look.stroke().ifPresent(stroke -> {
                g.setStroke(new BasicStroke((float) stroke.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setPaint(awt(stroke.color()));
                for (int i = 0; i < shapes.size(); i++) {
                    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alphas.get(i).floatValue()));
                    g.draw(outlines.get(i));
                }
            });
            Paint fill = fill(whole);
            double fillOpacity = look.gradient().isPresent() ? look.color().opacity() : 1;
            g.setPaint(fill);
            for (int i = 0; i < shapes.size(); i++) {
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER,
                        (float) (alphas.get(i) * fillOpacity)));
                g.fill(shapes.get(i));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The shadow is one colour, so only its coverage is drawn and blurred (three box blurs, as good as a Gaussian
     * to the eye and linear in the radius), and only over the text's bounds.
     */
    static void drawShadow(Graphics2D g, RichTextLook.Shadow shadow, List<Shape> shapes, List<Double> alphas) {
        if (shapes.isEmpty()) {
            return;
        }
        Rectangle2D bounds = shapes.get(0).getBounds2D();
        for (Shape shape : shapes) {
            bounds.add(shape.getBounds2D());
        }
        int margin = (int) Math.ceil(shadow.blur() * 1.5) + 2;
        int left = (int) Math.floor(bounds.getX() + shadow.offsetX()) - margin;
        int top = (int) Math.floor(bounds.getY() + shadow.offsetY()) - margin;
        int layerWidth = (int) Math.ceil(bounds.getWidth()) + 2 * margin + 1;
        int layerHeight = (int) Math.ceil(bounds.getHeight()) + 2 * margin + 1;
        BufferedImage mask = new BufferedImage(layerWidth, layerHeight, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D m = mask.createGraphics();
        m.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        m.translate(shadow.offsetX() - left, shadow.offsetY() - top);
        for (int i = 0; i < shapes.size(); i++) {
            int level = (int) Math.round(255 * alphas.get(i));
            m.setColor(new java.awt.Color(level, level, level));
            m.fill(shapes.get(i));
        }
        m.dispose();
        int[] coverage = new int[layerWidth * layerHeight];
        mask.getRaster().getPixels(0, 0, layerWidth, layerHeight, coverage);
        if (shadow.blur() > 0) {
            // three box blurs of this radius have the spread of a Gaussian of sigma = blur / 2 (CSS's blur radius)
            double sigma = shadow.blur() / 2;
            int radius = Math.max(1, (int) Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
            for (int pass = 0; pass < 3; pass++) {
                boxBlur(coverage, layerWidth, layerHeight, radius, true);
                boxBlur(coverage, layerWidth, layerHeight, radius, false);
            }
        }
        Color colour = shadow.color();
        BufferedImage layer = new BufferedImage(layerWidth, layerHeight, BufferedImage.TYPE_INT_ARGB_PRE);
        int[] pixels = new int[coverage.length];
        for (int i = 0; i < pixels.length; i++) {
            int alpha = coverage[i] * colour.alpha() / 255;
            pixels[i] = alpha << 24 | (colour.red() * alpha / 255) << 16 | (colour.green() * alpha / 255) << 8
                    | colour.blue() * alpha / 255;
        }
        layer.setRGB(0, 0, layerWidth, layerHeight, pixels, 0, layerWidth);
        g.setComposite(AlphaComposite.SrcOver);
        g.drawImage(layer, left, top, null);
    }

    /** A running-sum box blur of {@code radius} along rows (or columns), edges reading as clear. */
    private static void boxBlur(int[] values, int width, int height, int radius, boolean rows) {
        int lines = rows ? height : width;
        int length = rows ? width : height;
        int stride = rows ? 1 : width;
        int[] line = new int[length];
        int window = 2 * radius + 1;
        for (int l = 0; l < lines; l++) {
            int first = rows ? l * width : l;
            for (int i = 0; i < length; i++) {
                line[i] = values[first + i * stride];
            }
            int sum = 0;
            for (int i = -radius; i <= radius; i++) {
                sum += i >= 0 && i < length ? line[i] : 0;
            }
            for (int i = 0; i < length; i++) {
                values[first + i * stride] = sum / window;
                int leaving = i - radius;
                int entering = i + radius + 1;
                sum += (entering < length ? line[entering] : 0) - (leaving >= 0 ? line[leaving] : 0);
            }
        }
    }

    private Shape withDecoration(Shape outline, double x, double baseline, double advance) {
        if (look.decoration() == RichTextLook.Decoration.NONE) {
            return outline;
        }
        boolean under = look.decoration() == RichTextLook.Decoration.UNDERLINE;
        double offset = under ? font.underlineOffset(size) : font.strikeoutOffset(size);
        double thickness = under ? font.underlineThickness(size) : font.strikeoutThickness(size);
        Area area = new Area(outline);
        area.add(new Area(new Rectangle2D.Double(x, baseline + offset, advance + Math.max(0, look.letterSpacing()),
                thickness)));
        return area;
    }

    private Paint fill(AffineTransform whole) {
        if (look.gradient().isEmpty()) {
            return awt(look.color());
        }
        return gradient(look.gradient().get(), whole.createTransformedShape(block).getBounds2D());
    }

    /** The gradient's paint across {@code box}: along its angle through the box's centre, or out from it. */
    static Paint gradient(RichTextLook.Gradient gradient, Rectangle2D box) {
        float[] fractions = new float[gradient.stops().size()];
        java.awt.Color[] colours = new java.awt.Color[fractions.length];
        float previous = -1;
        for (int i = 0; i < fractions.length; i++) {
            // the paints need strictly increasing fractions
            float fraction = (float) Math.max(gradient.stops().get(i).offset(), previous + 1e-4);
            fractions[i] = Math.min(1, fraction);
            previous = fractions[i];
            colours[i] = awt(gradient.stops().get(i).color());
        }
        if (fractions[fractions.length - 1] > 1 - 1e-6 && fractions.length > 1
                && fractions[fractions.length - 2] >= fractions[fractions.length - 1]) {
            fractions[fractions.length - 2] = fractions[fractions.length - 1] - 1e-4f;
        }
        Point2D centre = new Point2D.Double(box.getCenterX(), box.getCenterY());
        if (gradient.radial()) {
            return new RadialGradientPaint(centre, (float) Math.max(1, Math.max(box.getWidth(), box.getHeight()) / 2),
                    fractions, colours);
        }
        double radians = Math.toRadians(gradient.angle());
        double half = Math.abs(Math.cos(radians)) * box.getWidth() / 2 + Math.abs(Math.sin(radians)) * box.getHeight() / 2;
        half = Math.max(half, 0.5);
        return new LinearGradientPaint(
                new Point2D.Double(centre.getX() - Math.cos(radians) * half, centre.getY() - Math.sin(radians) * half),
                new Point2D.Double(centre.getX() + Math.cos(radians) * half, centre.getY() + Math.sin(radians) * half),
                fractions, colours);
    }

    /** fadeIn scales the whole block about its centre, slideIn moves it. */
    private AffineTransform wholeTransform(double seconds) {
        AffineTransform transform = new AffineTransform();
        if (look.animation().isEmpty()) {
            return transform;
        }
        RichTextLook.TextAnimation animation = look.animation().get();
        switch (animation.preset()) {
            case FADE_IN -> {
                double scale = 0.8 + 0.2 * easeOut(progress(seconds, 0, animation.seconds()));
                transform.translate(block.getCenterX(), block.getCenterY());
                transform.scale(scale, scale);
                transform.translate(-block.getCenterX(), -block.getCenterY());
            }
            case SLIDE_IN -> {
                double left = 1 - easeOut(progress(seconds, 0, 0.8 * animation.seconds()));
                boolean across = animation.direction() == RichTextLook.Direction.LEFT
                        || animation.direction() == RichTextLook.Direction.RIGHT;
                double distance = LookOverTime.SLIDE * (across ? width : height) * left;
                transform.translate(-towards(animation.direction(), true) * distance,
                        -towards(animation.direction(), false) * distance);
            }
            default -> { }
        }
        return transform;
    }

    private double wholeAlpha(double seconds) {
        return look.animation().map(animation -> switch (animation.preset()) {
            case FADE_IN -> easeOut(progress(seconds, 0, animation.seconds()));
            case SLIDE_IN -> easeOut(progress(seconds, 0, 0.8 * animation.seconds()));
            default -> 1.0;
        }).orElse(1.0);
    }

    private State state(Glyph glyph, double seconds) {
        if (look.animation().isEmpty()) {
            return State.DONE;
        }
        RichTextLook.TextAnimation animation = look.animation().get();
        double d = animation.seconds();
        switch (animation.preset()) {
            case TYPEWRITER -> {
                int units = animation.byWord() ? words : characters;
                int unit = animation.byWord() ? glyph.word() : glyph.character();
                double shown = seconds >= d ? units : Math.floor(units * progress(seconds, 0, 0.9 * d));
                return unit < shown ? State.DONE : State.HIDDEN;
            }
            case ASCEND -> {
                double start = glyph.word() * 0.8 * d / words;
                return moving(easeOut(progress(seconds, start, 0.6)), animation.direction(), 50);
            }
            case SHIFT -> {
                int units = animation.byWord() ? words : characters;
                int unit = animation.byWord() ? glyph.word() : glyph.character();
                double start = 0.05 + unit * 0.7 * d / Math.max(units - 1, 1);
                return moving(easeOut(progress(seconds, start, 0.3 * d)), animation.direction(), 30);
            }
            case MOVING_LETTERS -> {
                double start = glyph.character() * 0.8 * d / characters;
                double p = progress(seconds, start, 0.8);
                return new State(-towards(animation.direction(), true) * 50 * (1 - backOut(p)),
                        -towards(animation.direction(), false) * 50 * (1 - backOut(p)), easeOut(p));
            }
            default -> {
                return State.DONE;
            }
        }
    }

    /** A unit {@code eased} of the way along {@code distance} pixels travelled in {@code direction}, fading in. */
    private static State moving(double eased, RichTextLook.Direction direction, double distance) {
        double left = (1 - eased) * distance;
        return new State(-towards(direction, true) * left, -towards(direction, false) * left, eased);
    }

    /** +1 or -1 along x (or y, down being positive) when the text travels that way, else 0. */
    private static int towards(RichTextLook.Direction direction, boolean x) {
        return switch (direction) {
            case LEFT -> x ? -1 : 0;
            case RIGHT -> x ? 1 : 0;
            case UP -> x ? 0 : -1;
            case DOWN -> x ? 0 : 1;
        };
    }

    private static double progress(double seconds, double start, double length) {
        return length <= 0 ? (seconds >= start ? 1 : 0) : Math.max(0, Math.min(1, (seconds - start) / length));
    }

    private static double easeOut(double p) {
        return 1 - (1 - p) * (1 - p);
    }

    private static double backOut(double p) {
        double s = 1.7;
        double q = p - 1;
        return q * q * ((s + 1) * q + s) + 1;
    }

    private List<List<String>> wrap(double innerWidth) {
        List<List<String>> lines = new ArrayList<>();
        for (String paragraph : look.text().split("\n", -1)) {
            List<String> line = new ArrayList<>();
            for (String word : paragraph.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                List<String> candidate = new ArrayList<>(line);
                candidate.add(word);
                if (!line.isEmpty() && lineWidth(candidate) > innerWidth) {
                    lines.add(line);
                    line = new ArrayList<>(List.of(word));
                } else {
                    line = candidate;
                }
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * The lines that fit {@code height} (at least one), as the static text's are cut: each line's slot and the
     * glyphs' extent in it inside the height; when some were left out, the last kept one ends with
     * {@code ellipsis}, shortened a character at a time until it fits {@code innerWidth}.
     */
    private List<List<String>> ellipsized(List<List<String>> lines, String ellipsis, double height, double extent,
            double pitch, double innerWidth) {
        int fitting = 1;
        while (fitting < lines.size()
                && Math.max((fitting + 1) * pitch, fitting * pitch + extent) <= height + 1e-9) {
            fitting++;
        }
        if (lines.size() <= fitting) {
            return lines;
        }
        List<List<String>> kept = new ArrayList<>(lines.subList(0, fitting));
        kept.set(fitting - 1, words(Ellipsis.ending(String.join(" ", kept.getLast()), ellipsis,
                line -> lineWidth(words(line)), innerWidth)));
        return kept;
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        for (String word : line.split(" +")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private double lineWidth(List<String> line) {
        double total = 0;
        for (int w = 0; w < line.size(); w++) {
            if (w > 0) {
                total += spaceAdvance();
            }
            String word = line.get(w);
            for (int i = 0; i < word.length(); ) {
                int codePoint = word.codePointAt(i);
                i += Character.charCount(codePoint);
                total += font.advance(font.glyph(codePoint), size) + (i < word.length() ? look.letterSpacing() : 0);
            }
        }
        return total;
    }

    private double spaceAdvance() {
        return font.advance(font.glyph(' '), size) + look.wordSpacing() + 2 * look.letterSpacing();
    }

    private Shape rounded(double inset, double radius) {
        return new RoundRectangle2D.Double(inset, inset, Math.max(0, width - 2 * inset),
                Math.max(0, height - 2 * inset), 2 * radius, 2 * radius);
    }

    static java.awt.Color awt(Color color) {
        return new java.awt.Color(color.red(), color.green(), color.blue(), color.alpha());
    }

}
