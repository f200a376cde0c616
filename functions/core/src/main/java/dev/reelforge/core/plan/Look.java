package dev.reelforge.core.plan;

import dev.reelforge.core.edit.model.ColorFilter;
import dev.reelforge.core.edit.model.MotionEffect;
import dev.reelforge.core.edit.model.Transition;
import java.util.Optional;

/**
 * How a visual layer looks over its time: opacity, transitions in and out (their length already fitted
 * into the layer's), a motion effect over the whole layer and a colour filter.
 */
public record Look(double opacity, Optional<PlannedTransition> in, Optional<PlannedTransition> out,
        Optional<MotionEffect> effect, Optional<ColorFilter> filter) {

    /** A transition and the seconds it takes in this layer. */
    public record PlannedTransition(Transition transition, double seconds) {}
}
