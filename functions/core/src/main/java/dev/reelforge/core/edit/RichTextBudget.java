package dev.reelforge.core.edit;

import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.RichTextLook;
import java.util.Locale;
import java.util.Optional;

/**
 * Bounds the drawing of rich-text animations before it is done: an animated rich-text clip is painted as a picture
 * of its whole box at every output frame while its animation runs (up to 30 s, so 1,800 4K frames at 60 fps), which
 * a hostile edit could make hours of a worker's time. The pixels painted (frames times box width times height,
 * summed over an edit's animated rich-text clips) are at most {@link #MAX_PIXELS}. Checked at submit where a clip's
 * length is a number ({@link EditReader}), else when the render is planned, whose failure names the clip.
 */
public final class RichTextBudget {

    /**
     * About 480 frames of a 4K box, 1,900 of a 1080p one. Painting and writing a frame went at 20-25 million pixels
     * a second on one busy core (RichTextPainter and RichTextFrames.png, 1080p and 4K, with a blurred shadow): this
     * is at most a few minutes of a worker's fifteen, while a 3 s animation of a whole 4K frame at 60 fps (1.5
     * billion) still draws.
     */
    public static final long MAX_PIXELS = 4_000_000_000L;

    private long painted;

    /**
     * The pixels painted for a {@code width x height} box whose animation is shown for {@code shownSeconds},
     * starting {@code skippedSeconds} into the clip, at {@code fps}: a frame per output frame while it moves, and
     * one still after; 0 without animation (one still only).
     */
    public static long pixels(RichTextLook look, int width, int height, double skippedSeconds, double shownSeconds,
            Fps fps) {
        double moving = look.animation().map(RichTextLook.TextAnimation::longestSeconds).orElse(0.0)
                - skippedSeconds;
        if (moving <= 0) {
            return 0;
        }
        long frames = (long) Math.ceil(Math.min(moving, shownSeconds) * fps.value() - 1e-9) + 1;
        return frames * width * height;
    }

    /** Counts a clip's {@code pixels}; why the edit is refused once the total is past the bound, else empty. */
    public Optional<String> add(long pixels) {
        painted += pixels;
        if (painted <= MAX_PIXELS) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "brings the rich-text animations of this edit to %,d million"
                + " pixels to draw (a frame of the clip's box per output frame while it moves); at most %,d million"
                + " are drawn per render: shorten animation.duration, give the clip a smaller width and height, or"
                + " render at a lower fps", painted / 1_000_000, MAX_PIXELS / 1_000_000));
    }
}
