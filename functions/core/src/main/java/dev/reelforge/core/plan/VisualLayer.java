package dev.reelforge.core.plan;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.Transform;
import java.util.Optional;

/** Something drawn on the frame for a while. Layers are listed bottom first. */
public sealed interface VisualLayer {

    Timing timing();

    Look look();

    /**
     * A video or still image. {@code trim} is where in the source the layer starts, {@code speed} how fast
     * the source plays (a still image ignores both).
     */
    record Picture(Timing timing, Look look, SourceFile source, double trim, double speed, boolean still, Box box)
            implements VisualLayer {}

    /**
     * Text. {@code lines} are drawn {@code lineHeight} x {@code sizePx} apart; a box of {@code boxWidth} x
     * {@code boxHeight} (the frame when absent) holds them, aligned, with an optional background filling
     * the box; the box is anchored at {@code position} of the frame and moved by {@code offset}; {@code transform}
     * flips, skews and turns the box (with what is drawn in it) about its centre.
     */
    record Text(Timing timing, Look look, String text, FontFace face, int sizePx, double lineHeight, Color color,
            Optional<Color> background, Optional<Integer> boxWidth, Optional<Integer> boxHeight,
            Asset.HorizontalAlign horizontal, Asset.VerticalAlign vertical, Position position, Offset offset,
            boolean wrap, Transform transform) implements VisualLayer {

        public Text(Timing timing, Look look, String text, FontFace face, int sizePx, double lineHeight, Color color,
                Optional<Color> background, Optional<Integer> boxWidth, Optional<Integer> boxHeight,
                Asset.HorizontalAlign horizontal, Asset.VerticalAlign vertical, Position position, Offset offset,
                boolean wrap) {
            this(timing, look, text, face, sizePx, lineHeight, color, background, boxWidth, boxHeight, horizontal,
                    vertical, position, offset, wrap, Transform.NONE);
        }
    }
}
