package dev.reelforge.core.edit.model;

import java.util.Optional;

/**
 * How captions look: the face at {@code size} pixels, lines {@code lineHeight x size} apart, in {@code color},
 * outlined by {@code strokeWidth} pixels of {@code stroke}; a {@code background} box around each cue's text,
 * {@code padding} pixels wider on every side, its corners rounded by {@code borderRadius} pixels; placed by
 * {@code margin}, with an optional hard {@code shadow}, aligned in the caption area as {@code horizontal} says and, without a top margin, at the
 * {@code vertical} place of the frame (captions: centred at the bottom). For rich captions, the word being spoken may be styled apart ({@code active}) and
 * {@code animation} says how words change as they are spoken; {@code finish} holds what only painting draws.
 */
public record CaptionStyle(FontFace face, int size, double lineHeight, Color color, Optional<Color> stroke,
        double strokeWidth, Optional<Shadow> shadow, Optional<Color> background, int padding, int borderRadius, Margin margin,
        Asset.HorizontalAlign horizontal, Asset.VerticalAlign vertical, TextTransform transform,
        Optional<ActiveWord> active, WordAnimation animation, CaptionFinish finish) {

    /** A style without a rich caption's finish (plain captions, and rich ones drawtext can draw). */
    public CaptionStyle(FontFace face, int size, double lineHeight, Color color, Optional<Color> stroke,
            double strokeWidth, Optional<Shadow> shadow, Optional<Color> background, int padding, int borderRadius,
            Margin margin, Asset.HorizontalAlign horizontal, Asset.VerticalAlign vertical, TextTransform transform,
            Optional<ActiveWord> active, WordAnimation animation) {
        this(face, size, lineHeight, color, stroke, strokeWidth, shadow, background, padding, borderRadius, margin,
                horizontal, vertical, transform, active, animation, CaptionFinish.NONE);
    }

    /** The same style with its font size, stroke, padding and radius scaled by {@code factor} (a clip's scale). */
    public CaptionStyle scaled(double factor) {
        if (factor == 1) {
            return this;
        }
        return new CaptionStyle(face, Math.max(1, (int) Math.round(size * factor)), lineHeight, color, stroke,
                strokeWidth * factor, shadow.map(cast -> new Shadow(cast.color(), (int) Math.round(cast.x() * factor),
                        (int) Math.round(cast.y() * factor))), background, (int) Math.round(padding * factor),
                (int) Math.round(borderRadius * factor), margin, horizontal, vertical, transform, active, animation,
                finish.scaled(factor));
    }

    /** The same style placed at a clip's {@code position}: its row sets the vertical place, its column the alignment. */
    public CaptionStyle placedAt(Position position) {
        Asset.VerticalAlign row = position.y() < 0.5 ? Asset.VerticalAlign.TOP
                : position.y() > 0.5 ? Asset.VerticalAlign.BOTTOM : vertical;
        Asset.HorizontalAlign column = position.x() < 0.5 ? Asset.HorizontalAlign.LEFT
                : position.x() > 0.5 ? Asset.HorizontalAlign.RIGHT : horizontal;
        return new CaptionStyle(face, size, lineHeight, color, stroke, strokeWidth, shadow, background, padding,
                borderRadius, margin, column, row, transform, active, animation, finish);
    }

    /** A copy of the text drawn {@code x} pixels right and {@code y} down, in {@code color}, unblurred. */
    public record Shadow(Color color, int x, int y) {}

    /**
     * Fractions of the frame: {@code top} (of the height) puts the captions' top that far down (absent: the
     * captions sit at the bottom); {@code left} and {@code right} (of the width) narrow the area they are
     * wrapped and centred in.
     */
    public record Margin(Optional<Double> top, double left, double right) {
        public static final Margin NONE = new Margin(Optional.empty(), 0, 0);
    }

    /** The spoken word's own colour, and a box of {@code background} behind it. */
    public record ActiveWord(Color color, Optional<Color> background) {}

    /** How a rich caption's letters are cased. */
    public enum TextTransform {
        NONE, UPPERCASE, LOWERCASE,
        /** The first letter of each word upper case, the others as written. */
        CAPITALIZE;

        public String apply(String text) {
            return switch (this) {
                case NONE -> text;
                case UPPERCASE -> text.toUpperCase(java.util.Locale.ROOT);
                case LOWERCASE -> text.toLowerCase(java.util.Locale.ROOT);
                case CAPITALIZE -> {
                    StringBuilder out = new StringBuilder(text.length());
                    boolean wordStart = true;
                    for (int i = 0; i < text.length(); i++) {
                        char c = text.charAt(i);
                        out.append(wordStart ? Character.toUpperCase(c) : c);
                        wordStart = Character.isWhitespace(c);
                    }
                    yield out.toString();
                }
            };
        }
    }

    /** How a rich caption's words change while it is shown. */
    public enum WordAnimation {
        /** Every word in the base style the whole time (plain captions). */
        NONE,
        /** The spoken word in the active style, the others in the base style. */
        HIGHLIGHT,
        /** Every word spoken so far in the active style: the colour fills the line as it is spoken. */
        KARAOKE,
        /** The spoken word in the active style and larger. */
        POP,
        /** Words appear as they are spoken and stay. */
        TYPEWRITER
    }
}
