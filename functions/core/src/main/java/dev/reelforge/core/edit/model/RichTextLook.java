package dev.reelforge.core.edit.model;

import java.util.List;
import java.util.Optional;

/**
 * How a {@code rich-text} asset draws its text in its box: the text (its {@code textTransform} applied already),
 * one shipped face at {@code size} pixels, filled with {@code color} (its opacity included) or a gradient,
 * (a shipped face, or a family of {@code timeline.fonts}: one file, whatever the weight and style asked for);
 * letters and words spaced by extra pixels, lines {@code lineHeight} x size apart, wrapped to the box less its
 * padding and aligned in it; an outline, a shadow, a decoration line, a highlight behind the characters
 * ({@code font.background}); a background and a border filling and edging the whole box; an optional entrance
 * animation; and an optional {@code ellipsis} (a typed text asset's): only the lines that fit the box are laid out,
 * the last one ending with it when some were left out.
 */
public record RichTextLook(String text, Typeface face, int size, Color color, double letterSpacing,
        double wordSpacing, double lineHeight, Decoration decoration, Optional<Gradient> gradient,
        Optional<Stroke> stroke, Optional<Shadow> shadow, Optional<Color> highlight, Optional<Background> background,
        Optional<Border> border,
        Padding padding, Asset.HorizontalAlign horizontal, Asset.VerticalAlign vertical,
        Optional<TextAnimation> animation, Optional<String> ellipsis) {

    /** A look without an ellipsis (every rich-text asset's: the contract gives rich text none). */
    public RichTextLook(String text, Typeface face, int size, Color color, double letterSpacing,
            double wordSpacing, double lineHeight, Decoration decoration, Optional<Gradient> gradient,
            Optional<Stroke> stroke, Optional<Shadow> shadow, Optional<Color> highlight,
            Optional<Background> background, Optional<Border> border, Padding padding,
            Asset.HorizontalAlign horizontal, Asset.VerticalAlign vertical, Optional<TextAnimation> animation) {
        this(text, face, size, color, letterSpacing, wordSpacing, lineHeight, decoration, gradient, stroke, shadow,
                highlight, background, border, padding, horizontal, vertical, animation, Optional.empty());
    }

    /** The same look drawn with another face (a family of {@code timeline.fonts}, once fetched). */
    public RichTextLook withFace(Typeface other) {
        return new RichTextLook(text, other, size, color, letterSpacing, wordSpacing, lineHeight, decoration, gradient,
                stroke, shadow, highlight, background, border, padding, horizontal, vertical, animation, ellipsis);
    }

    public enum Decoration { NONE, UNDERLINE, LINE_THROUGH }

    /** Colours at offsets 0-1 along the angle (degrees, 0 left to right, clockwise) or out from the centre. */
    public record Gradient(boolean radial, double angle, List<Stop> stops) {
        public Gradient {
            stops = List.copyOf(stops);
        }
    }

    public record Stop(double offset, Color color) {}

    /** An outline of {@code width} pixels centred on the glyphs' edges. */
    public record Stroke(double width, Color color) {}

    public record Shadow(double offsetX, double offsetY, double blur, Color color) {}

    /** The whole box, or with {@code wrap} the text block grown by {@code padding} on each side. */
    public record Background(Color color, double radius, boolean wrap, double padding) {}

    public record Border(double width, Color color, double radius) {}

    public record Padding(double top, double right, double bottom, double left) {
        public static final Padding NONE = new Padding(0, 0, 0, 0);
    }

    public enum Preset { FADE_IN, SLIDE_IN, TYPEWRITER, ASCEND, SHIFT, MOVING_LETTERS }

    public enum Direction { LEFT, RIGHT, UP, DOWN }

    /** An entrance over the first {@code seconds} of the clip; by word or by character where the preset allows. */
    public record TextAnimation(Preset preset, double seconds, boolean byWord, Direction direction) {

        /**
         * The longest the preset moves for, whatever the text: the staggered ones end a word's or character's own
         * motion after the last one starts (the painter's exact time is never more).
         */
        public double longestSeconds() {
            return switch (preset) {
                case FADE_IN, TYPEWRITER -> seconds;
                case SLIDE_IN -> 0.8 * seconds;
                case ASCEND -> 0.8 * seconds + 0.6;
                case SHIFT -> 0.05 + seconds;
                case MOVING_LETTERS -> 0.8 * seconds + 0.8;
            };
        }
    }
}
