package dev.reelforge.core.plan;

import dev.reelforge.core.edit.model.Animation;
import dev.reelforge.core.edit.model.ColorFilter;
import dev.reelforge.core.edit.model.MotionEffect;
import dev.reelforge.core.edit.model.Transition;
import java.util.Optional;

/**
 * How a visual layer looks over its time: opacity, transitions in and out (their length already fitted
 * into the layer's), a motion effect over the whole layer and a colour filter; tweened properties as
 * functions of the clip's time, the clip starting at {@code clipStart} on the output.
 */
public record Look(double opacity, Optional<PlannedTransition> in, Optional<PlannedTransition> out,
        Optional<MotionEffect> effect, Optional<ColorFilter> filter, Animation animation, double clipStart) {

    public Look(double opacity, Optional<PlannedTransition> in, Optional<PlannedTransition> out,
            Optional<MotionEffect> effect, Optional<ColorFilter> filter) {
        this(opacity, in, out, effect, filter, Animation.NONE, 0);
    }

    /** A transition and the seconds it takes in this layer. */
    public record PlannedTransition(Transition transition, double seconds) {}
}
