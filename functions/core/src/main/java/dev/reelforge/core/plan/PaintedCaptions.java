package dev.reelforge.core.plan;

import dev.reelforge.core.caption.Cue;
import dev.reelforge.core.edit.model.CaptionStyle;
import java.util.List;

/**
 * Bounds on a rich caption drawn as pictures (its style's finish asks for what drawtext cannot draw): a picture
 * per state of a cue (each spoken word, each step of a word's entrance), painted before ffmpeg runs.
 */
public final class PaintedCaptions {

    /** At most this many pictures for one caption clip in one render (each costs a painting and a PNG). */
    public static final int MAX_PICTURES = 6000;
    /** A word's entrance (fade, slide, bounce) is drawn in this many steps a second. */
    public static final int STEPS_PER_SECOND = 30;
    /** How long a word's entrance takes, in seconds. */
    public static final double ENTRANCE = 0.25;

    private PaintedCaptions() {}

    /** At most how many pictures the cues need: per cue a start and an end, per word its start, end and steps. */
    public static int pictures(List<Cue> cues, CaptionStyle style) {
        int perWord = 2 + (style.finish().motion().isPresent() ? (int) Math.ceil(ENTRANCE * STEPS_PER_SECOND) : 0);
        long pictures = 0;
        for (Cue cue : cues) {
            pictures += 2 + (style.animation() == CaptionStyle.WordAnimation.NONE ? 0
                    : (long) perWord * cue.words().size());
        }
        return (int) Math.min(Integer.MAX_VALUE, pictures);
    }
}
