package dev.reelforge.core.plan;

import dev.reelforge.core.caption.Cue;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.CaptionStyle;
import dev.reelforge.core.edit.model.ChromaKey;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Typeface;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.RichTextLook;
import dev.reelforge.core.edit.model.Transform;
import dev.reelforge.core.edit.model.TextFinish;
import java.util.List;
import java.util.Optional;

/** Something drawn on the frame for a while. Layers are listed bottom first. */
public sealed interface VisualLayer {

    Timing timing();

    Look look();

    /**
     * A video or still image. {@code trim} is where in the source the layer starts, {@code speed} how fast
     * the source plays (a still image ignores speed, and shows the frame at {@code trim}: 0 for an image, the
     * paused frame of a video). {@code mattes} (in time order, not overlapping) make it transparent where their
     * luma is white; {@code chromaKey} where it is near that colour.
     */
    record Picture(Timing timing, Look look, SourceFile source, double trim, double speed, boolean still, Box box,
            List<Matte> mattes, Optional<ChromaKey> chromaKey) implements VisualLayer {

        public Picture(Timing timing, Look look, SourceFile source, double trim, double speed, boolean still,
                Box box) {
            this(timing, look, source, trim, speed, still, box, List.of(), Optional.empty());
        }

        public Picture {
            mattes = List.copyOf(mattes);
        }

        public Picture withMattes(List<Matte> added) {
            return new Picture(timing, look, source, trim, speed, still, box, added, chromaKey);
        }
    }

    /**
     * Text. {@code lines} are drawn {@code lineHeight} x {@code sizePx} apart; a box of {@code boxWidth} x
     * {@code boxHeight} (the frame when absent) holds them, aligned, with an optional background filling
     * the box; the box is anchored at {@code position} of the frame and moved by {@code offset}; {@code transform}
     * flips, skews and turns the box (with what is drawn in it) about its centre. {@code mattes} (in time order,
     * not overlapping) make the box, text and background alike, transparent where their luma is white.
     */
    record Text(Timing timing, Look look, String text, Typeface face, int sizePx, double lineHeight, Color color,
            Optional<Color> background, Optional<Integer> boxWidth, Optional<Integer> boxHeight,
            Asset.HorizontalAlign horizontal, Asset.VerticalAlign vertical, Position position, Offset offset,
            boolean wrap, TextFinish finish, Transform transform, List<Matte> mattes) implements VisualLayer {

        public Text {
            mattes = List.copyOf(mattes);
        }

        /** Text without mattes. */
        public Text(Timing timing, Look look, String text, Typeface face, int sizePx, double lineHeight, Color color,
                Optional<Color> background, Optional<Integer> boxWidth, Optional<Integer> boxHeight,
                Asset.HorizontalAlign horizontal, Asset.VerticalAlign vertical, Position position, Offset offset,
                boolean wrap, TextFinish finish, Transform transform) {
            this(timing, look, text, face, sizePx, lineHeight, color, background, boxWidth, boxHeight, horizontal,
                    vertical, position, offset, wrap, finish, transform, List.of());
        }

        public Text withMattes(List<Matte> added) {
            return new Text(timing, look, text, face, sizePx, lineHeight, color, background, boxWidth, boxHeight,
                    horizontal, vertical, position, offset, wrap, finish, transform, added);
        }

        /** Text without padding, outline, ellipsis or transform. */
        public Text(Timing timing, Look look, String text, Typeface face, int sizePx, double lineHeight, Color color,
                Optional<Color> background, Optional<Integer> boxWidth, Optional<Integer> boxHeight,
                Asset.HorizontalAlign horizontal, Asset.VerticalAlign vertical, Position position, Offset offset,
                boolean wrap) {
            this(timing, look, text, face, sizePx, lineHeight, color, background, boxWidth, boxHeight, horizontal,
                    vertical, position, offset, wrap, TextFinish.NONE, Transform.NONE);
        }

        /** Text with padding, outline or ellipsis, not transformed. */
        public Text(Timing timing, Look look, String text, Typeface face, int sizePx, double lineHeight, Color color,
                Optional<Color> background, Optional<Integer> boxWidth, Optional<Integer> boxHeight,
                Asset.HorizontalAlign horizontal, Asset.VerticalAlign vertical, Position position, Offset offset,
                boolean wrap, TextFinish finish) {
            this(timing, look, text, face, sizePx, lineHeight, color, background, boxWidth, boxHeight, horizontal,
                    vertical, position, offset, wrap, finish, Transform.NONE);
        }

        /** Text without padding, outline or ellipsis, transformed. */
        public Text(Timing timing, Look look, String text, Typeface face, int sizePx, double lineHeight, Color color,
                Optional<Color> background, Optional<Integer> boxWidth, Optional<Integer> boxHeight,
                Asset.HorizontalAlign horizontal, Asset.VerticalAlign vertical, Position position, Offset offset,
                boolean wrap, Transform transform) {
            this(timing, look, text, face, sizePx, lineHeight, color, background, boxWidth, boxHeight, horizontal,
                    vertical, position, offset, wrap, TextFinish.NONE, transform);
        }
    }

    /**
     * Rich text drawn into a canvas of {@code width} x {@code height} pixels, then shown as a picture in
     * {@code box}; its animation's clock starts {@code skipped} seconds into it (the part the output range cut off).
     * {@code mattes} make that picture transparent where their luma is white, as a {@link Picture}'s.
     */
    record RichText(Timing timing, Look look, RichTextLook text, int width, int height, double skipped, Box box,
            List<Matte> mattes) implements VisualLayer {

        public RichText {
            mattes = List.copyOf(mattes);
        }

        public RichText(Timing timing, Look look, RichTextLook text, int width, int height, double skipped, Box box) {
            this(timing, look, text, width, height, skipped, box, List.of());
        }

        public RichText withMattes(List<Matte> added) {
            return new RichText(timing, look, text, width, height, skipped, box, added);
        }
    }

    /**
     * Captions: each cue (and each of its words) with its times on the output, inside the layer's timing, drawn
     * in {@code style} ({@code style.size()} already scaled by the clip), moved by {@code offset}; the clip's
     * {@code transform} (flip, skew, rotation) turns the picture of the frame they are drawn on.
     */
    record Caption(Timing timing, Look look, List<Cue> cues, CaptionStyle style, Offset offset, Transform transform)
            implements VisualLayer {
        public Caption {
            cues = List.copyOf(cues);
        }

        public Caption(Timing timing, Look look, List<Cue> cues, CaptionStyle style, Offset offset) {
            this(timing, look, cues, style, offset, Transform.NONE);
        }
    }
}
