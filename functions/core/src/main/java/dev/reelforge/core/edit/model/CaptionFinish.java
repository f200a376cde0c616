package dev.reelforge.core.edit.model;

import java.util.Optional;

/**
 * What a rich caption asks for beyond what {@link CaptionStyle} holds, none of which ffmpeg's drawtext can draw:
 * extra pixels between letters, a decoration line, a gradient fill, a blurred shadow ({@code shadowBlur}, the
 * shadow itself being the style's), a border around the box, padding of unequal sides, and the spoken word in
 * another face, size, decoration, outline or shadow. Captions with any of these are painted as pictures
 * ({@link #painted()}).
 *
 * <p>The active word's {@code stroke} and {@code shadow} are absent to inherit the base ones; {@code "none"} is a
 * stroke of width 0 and a shadow of opacity 0. {@code motion} is how each word enters as it is spoken.
 */
public record CaptionFinish(double letterSpacing, RichTextLook.Decoration decoration,
        Optional<RichTextLook.Gradient> gradient, double shadowBlur, Optional<RichTextLook.Border> border,
        Optional<RichTextLook.Padding> sides, Optional<FontFace> activeFace, Optional<Integer> activeSize,
        Optional<RichTextLook.Decoration> activeDecoration, Optional<RichTextLook.Stroke> activeStroke,
        Optional<RichTextLook.Shadow> activeShadow, Optional<WordMotion> motion) {

    public static final CaptionFinish NONE = new CaptionFinish(0, RichTextLook.Decoration.NONE, Optional.empty(), 0,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** How a word enters when it is spoken ({@code fade}, {@code slide}, {@code bounce}), and stays. */
    public record WordMotion(Kind kind, RichTextLook.Direction direction) {

        public enum Kind { FADE, SLIDE, BOUNCE }
    }

    /** Whether the captions need painting: something drawtext cannot draw is asked for. */
    public boolean painted() {
        return !equals(NONE);
    }

    /** Pixel sizes scaled by a clip's {@code scale}. */
    public CaptionFinish scaled(double factor) {
        if (factor == 1) {
            return this;
        }
        return new CaptionFinish(letterSpacing * factor, decoration, gradient, shadowBlur * factor,
                border.map(line -> new RichTextLook.Border(line.width() * factor, line.color(), line.radius() * factor)),
                sides.map(padding -> new RichTextLook.Padding(padding.top() * factor, padding.right() * factor,
                        padding.bottom() * factor, padding.left() * factor)),
                activeFace, activeSize.map(size -> Math.max(1, (int) Math.round(size * factor))), activeDecoration,
                activeStroke.map(stroke -> new RichTextLook.Stroke(stroke.width() * factor, stroke.color())),
                activeShadow.map(shadow -> new RichTextLook.Shadow(shadow.offsetX() * factor,
                        shadow.offsetY() * factor, shadow.blur() * factor, shadow.color())),
                motion);
    }
}
