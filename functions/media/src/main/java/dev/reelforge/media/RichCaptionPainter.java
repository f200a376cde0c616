package dev.reelforge.media;

import dev.reelforge.core.caption.Cue;
import dev.reelforge.core.edit.model.CaptionFinish;
import dev.reelforge.core.edit.model.CaptionStyle;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.RichTextLook;
import dev.reelforge.core.edit.model.Size;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws one state of a rich caption's cue with Java2D from the fonts' own outlines ({@link TrueTypeOutlines}), for
 * what drawtext cannot draw ({@link CaptionFinish}): letter spacing, decoration lines, gradient fills, blurred
 * shadows, a bordered box with unequal padding, and the spoken word in a face, size, outline or shadow of its own.
 *
 * <p>The layout is the drawtext one's ({@link CaptionLayerFilters}): lines wrapped at spaces to the caption area less
 * the padding, {@code lineHeight x size} apart, aligned in the box, the box placed in the frame; widths include
 * {@code letterSpacing} after every character but a line's last. Bottom first: the box (its colour, then its border
 * inside its edge), the active words' background, the shadows (blurred), the outlines (outside the letters by their
 * width) and the fills (colour, or the gradient across the cue's text block). A restyled word (active face or
 * size, pop) is drawn about the centre of the place the word has in the base style; the line does not move.
 */
final class RichCaptionPainter {

    /** How much larger {@code pop} draws the spoken word. */
    static final double POP = CaptionLayerFilters.POP;

    /** A word where it is drawn in the base style: the cue's word it is ({@code -1}: none), left x, baseline. */
    record PlacedWord(String text, int word, double x, double baseline, double width) {}

    /** A cue laid out: its box, the block of its text, and its words in reading order. */
    record Layout(Rectangle2D box, Rectangle2D block, List<PlacedWord> words) {}

    /** A word's state at one time: this opaque, in the active style or not, moved by (dx, dy), scaled. */
    record WordLook(double alpha, boolean active, double dx, double dy, double scale) {
        static final WordLook PLAIN = new WordLook(1, false, 0, 0, 1);
        static final WordLook ACTIVE = new WordLook(1, true, 0, 0, 1);
        static final WordLook HIDDEN = new WordLook(0, false, 0, 0, 1);
    }

    /** What a word is drawn with. */
    private record Style(TrueTypeOutlines font, double size, Color color, boolean gradient,
            Optional<RichTextLook.Stroke> stroke, Optional<RichTextLook.Shadow> shadow,
            RichTextLook.Decoration decoration) {}

    private final CaptionStyle style;
    private final CaptionFinish finish;
    private final Size frame;
    private final Offset offset;
    private final TrueTypeOutlines font;
    private final RichTextLook.Padding padding;
    private final Style base;
    private final Style active;

    RichCaptionPainter(CaptionStyle style, Size frame, Offset offset, TrueTypeOutlines font,
            TrueTypeOutlines activeFont) {
        this.style = style;
        this.finish = style.finish();
        this.frame = frame;
        this.offset = offset;
        this.font = font;
        int all = style.padding();
        this.padding = finish.sides().orElse(new RichTextLook.Padding(all, all, all, all));
        Optional<RichTextLook.Stroke> stroke = style.stroke().filter(colour -> style.strokeWidth() > 0)
                .map(colour -> new RichTextLook.Stroke(Math.max(1, Math.round(style.strokeWidth())), colour));
        Optional<RichTextLook.Shadow> shadow = style.shadow().map(cast -> new RichTextLook.Shadow(cast.x(), cast.y(),
                finish.shadowBlur(), cast.color()));
        this.base = new Style(font, style.size(), style.color(), finish.gradient().isPresent(), stroke, shadow,
                finish.decoration());
        Color activeColour = style.active().map(CaptionStyle.ActiveWord::color).orElse(style.color());
        double activeSize = finish.activeSize().orElse(style.size())
                * (style.animation() == CaptionStyle.WordAnimation.POP ? POP : 1);
        this.active = new Style(activeFont, activeSize, activeColour,
                finish.gradient().isPresent() && activeColour.equals(style.color()),
                finish.activeStroke().or(() -> stroke).filter(line -> line.width() > 0),
                finish.activeShadow().or(() -> shadow).filter(cast -> cast.color().opacity() > 0),
                finish.activeDecoration().orElse(finish.decoration()));
    }

    /** How far beyond its box a cue's drawing may reach: restyled words, outlines, shadows, motion. */
    double reach() {
        double reach = Math.max(base.size(), active.size()) * 1.5;
        for (Style word : List.of(base, active)) {
            reach = Math.max(reach, word.stroke().map(RichTextLook.Stroke::width).orElse(0.0)
                    + word.shadow().map(cast -> Math.max(Math.abs(cast.offsetX()), Math.abs(cast.offsetY()))
                            + 2 * cast.blur()).orElse(0.0) + word.size());
        }
        return reach;
    }

    Layout layout(Cue cue) {
        double edge = CaptionLayerFilters.EDGE * frame.height();
        double areaLeft = Math.max(edge, style.margin().left() * frame.width());
        double areaRight = frame.width() - Math.max(edge, style.margin().right() * frame.width());
        double wrapWidth = Math.max(1, areaRight - areaLeft - padding.left() - padding.right());
        List<List<String>> lines = new ArrayList<>();
        for (String paragraph : cue.text().split("\n", -1)) {
            if (!paragraph.isBlank()) {
                lines.addAll(wrap(paragraph, wrapWidth));
            }
        }
        double size = style.size();
        double ascent = font.ascent(size);
        double descent = font.descent(size);
        double pitch = style.lineHeight() * size;
        double blockHeight = (lines.size() - 1) * pitch + ascent + descent;
        double widest = lines.stream().mapToDouble(line -> width(String.join(" ", line))).max().orElse(0);
        double boxWidth = Math.ceil(widest) + padding.left() + padding.right();
        double boxHeight = Math.ceil(blockHeight) + padding.top() + padding.bottom();
        double boxX = Math.round(offset.x() * frame.width() + switch (style.horizontal()) {
            case LEFT -> areaLeft;
            case CENTER -> (areaLeft + areaRight - boxWidth) / 2;
            case RIGHT -> areaRight - boxWidth;
        });
        double top = style.margin().top().map(fraction -> fraction * frame.height()).orElse(switch (style.vertical()) {
            case TOP -> edge;
            case CENTER -> (frame.height() - boxHeight) / 2.0;
            case BOTTOM -> frame.height() - edge - boxHeight;
        });
        double boxY = Math.round(top - offset.y() * frame.height());
        List<PlacedWord> placed = new ArrayList<>();
        int next = 0;
        double innerWidth = boxWidth - padding.left() - padding.right();
        for (int l = 0; l < lines.size(); l++) {
            List<String> line = lines.get(l);
            double lineWidth = width(String.join(" ", line));
            double x = boxX + padding.left() + switch (style.horizontal()) {
                case LEFT -> 0;
                case CENTER -> (innerWidth - lineWidth) / 2;
                case RIGHT -> innerWidth - lineWidth;
            };
            double baseline = boxY + padding.top() + ascent + l * pitch;
            StringBuilder before = new StringBuilder();
            for (String word : line) {
                double wordX = x + (before.isEmpty() ? 0 : width(before + " ") + finish.letterSpacing());
                placed.add(new PlacedWord(word, next < cue.words().size() ? next : -1, wordX, baseline, width(word)));
                next++;
                before.append(before.isEmpty() ? "" : " ").append(word);
            }
        }
        double blockWidth = Math.max(1, widest);
        Rectangle2D block = new Rectangle2D.Double(boxX + padding.left() + switch (style.horizontal()) {
            case LEFT -> 0;
            case CENTER -> (innerWidth - widest) / 2;
            case RIGHT -> innerWidth - widest;
        }, boxY + padding.top(), blockWidth, Math.max(1, blockHeight));
        return new Layout(new Rectangle2D.Double(boxX, boxY, boxWidth, boxHeight), block, placed);
    }

    /**
     * Paints the cue with each word as {@code looks} (in the layout's word order) says; {@code g} is translated so
     * that frame coordinates land where they should.
     */
    void paint(Graphics2D g, Layout layout, List<WordLook> looks) {
        style.background().ifPresent(colour -> {
            g.setPaint(RichTextPainter.awt(colour));
            g.fill(rounded(layout.box(), 0));
        });
        finish.border().ifPresent(border -> {
            g.setPaint(RichTextPainter.awt(border.color()));
            g.setStroke(new BasicStroke((float) border.width()));
            g.draw(rounded(layout.box(), border.width() / 2));
        });
        List<Shape> shapes = new ArrayList<>();
        List<Style> styles = new ArrayList<>();
        List<Double> alphas = new ArrayList<>();
        for (int i = 0; i < layout.words().size(); i++) {
            WordLook look = looks.get(i);
            if (look.alpha() <= 0.004) {
                continue;
            }
            PlacedWord word = layout.words().get(i);
            Style drawn = look.active() ? active : base;
            Shape shape = word(word, drawn, look);
            if (look.active()) {
                Optional<Color> highlight = style.active().flatMap(CaptionStyle.ActiveWord::background);
                if (highlight.isPresent()) {
                    Rectangle2D bounds = shape.getBounds2D();
                    double left = Math.min(word.x() + look.dx(), bounds.getX());
                    double right = Math.max(word.x() + look.dx() + word.width(), bounds.getMaxX());
                    double ascent = Math.max(font.ascent(style.size()), drawn.font().ascent(drawn.size()));
                    double descent = Math.max(font.descent(style.size()), drawn.font().descent(drawn.size()));
                    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) look.alpha()));
                    g.setPaint(RichTextPainter.awt(highlight.get()));
                    g.fill(new Rectangle2D.Double(left, word.baseline() + look.dy() - ascent, right - left,
                            ascent + descent));
                }
            }
            shapes.add(shape);
            styles.add(drawn);
            alphas.add(look.alpha());
        }
        g.setComposite(AlphaComposite.SrcOver);
        for (Style drawn : List.of(base, active)) {
            if (drawn.shadow().isEmpty()) {
                continue;
            }
            List<Shape> cast = new ArrayList<>();
            List<Double> castAlphas = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                if (styles.get(i) == drawn) {
                    cast.add(shapes.get(i));
                    castAlphas.add(alphas.get(i));
                }
            }
            RichTextPainter.drawShadow(g, drawn.shadow().get(), cast, castAlphas);
        }
        for (int i = 0; i < shapes.size(); i++) {
            Style drawn = styles.get(i);
            if (drawn.stroke().isPresent()) {
                RichTextLook.Stroke stroke = drawn.stroke().get();
                // centred on the edge under the fill: as wide as drawtext's outline outside the letters
                g.setStroke(new BasicStroke((float) (2 * stroke.width()), BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND));
                g.setPaint(RichTextPainter.awt(stroke.color()));
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alphas.get(i).floatValue()));
                g.draw(shapes.get(i));
            }
        }
        Paint gradient = finish.gradient().map(fill -> RichTextPainter.gradient(fill, layout.block())).orElse(null);
        for (int i = 0; i < shapes.size(); i++) {
            Style drawn = styles.get(i);
            double opacity = alphas.get(i);
            if (drawn.gradient() && gradient != null) {
                g.setPaint(gradient);
                opacity *= drawn.color().opacity();
            } else {
                g.setPaint(RichTextPainter.awt(drawn.color()));
            }
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
            g.fill(shapes.get(i));
        }
        g.setComposite(AlphaComposite.SrcOver);
    }

    /** The word's outline (with its decoration line) in its style, about its base place's centre, moved. */
    private Shape word(PlacedWord word, Style drawn, WordLook look) {
        double width = drawn == base ? word.width() : width(word.text(), drawn.font(), drawn.size());
        double x = word.x() + (word.width() - width) / 2;
        Path2D.Double outline = new Path2D.Double();
        for (int i = 0; i < word.text().length(); ) {
            int codePoint = word.text().codePointAt(i);
            int glyph = drawn.font().glyph(codePoint);
            outline.append(drawn.font().outline(glyph, drawn.size(), x, word.baseline()), false);
            x += drawn.font().advance(glyph, drawn.size()) + finish.letterSpacing();
            i += Character.charCount(codePoint);
        }
        Shape shape = outline;
        if (drawn.decoration() != RichTextLook.Decoration.NONE) {
            boolean under = drawn.decoration() == RichTextLook.Decoration.UNDERLINE;
            double lineOffset = under ? drawn.font().underlineOffset(drawn.size())
                    : drawn.font().strikeoutOffset(drawn.size());
            double thickness = under ? drawn.font().underlineThickness(drawn.size())
                    : drawn.font().strikeoutThickness(drawn.size());
            Area area = new Area(outline);
            area.add(new Area(new Rectangle2D.Double(word.x() + (word.width() - width) / 2,
                    word.baseline() + lineOffset, width, thickness)));
            shape = area;
        }
        if (look.dx() == 0 && look.dy() == 0 && look.scale() == 1) {
            return shape;
        }
        double centreX = word.x() + word.width() / 2;
        double centreY = word.baseline() - font.ascent(style.size()) / 2;
        AffineTransform motion = AffineTransform.getTranslateInstance(look.dx(), look.dy());
        motion.translate(centreX, centreY);
        motion.scale(look.scale(), look.scale());
        motion.translate(-centreX, -centreY);
        return motion.createTransformedShape(shape);
    }

    /** Greedy wrapping at spaces; a word wider than the line stays whole on a line of its own. */
    private List<List<String>> wrap(String paragraph, double maxWidth) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        for (String word : paragraph.strip().split("\\s+")) {
            List<String> candidate = new ArrayList<>(line);
            candidate.add(word);
            if (!line.isEmpty() && width(String.join(" ", candidate)) > maxWidth) {
                lines.add(line);
                line = new ArrayList<>(List.of(word));
            } else {
                line = candidate;
            }
        }
        lines.add(line);
        return lines;
    }

    /** Advances plus the letter spacing between characters (not after the last). */
    private double width(String text) {
        return width(text, font, style.size());
    }

    private double width(String text, TrueTypeOutlines face, double size) {
        double total = 0;
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            total += face.advance(face.glyph(codePoint), size);
            count++;
            i += Character.charCount(codePoint);
        }
        return count == 0 ? 0 : total + finish.letterSpacing() * (count - 1);
    }

    private RoundRectangle2D rounded(Rectangle2D box, double inset) {
        double radius = Math.max(0, Math.min(style.borderRadius(), Math.min(box.getWidth(), box.getHeight()) / 2));
        return new RoundRectangle2D.Double(box.getX() + inset, box.getY() + inset,
                Math.max(0, box.getWidth() - 2 * inset), Math.max(0, box.getHeight() - 2 * inset), 2 * radius,
                2 * radius);
    }
}
