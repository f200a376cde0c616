package dev.reelforge.core.edit.model;

import java.util.Optional;

/**
 * An asset placed on a track. {@code scale} is the fraction of the frame the asset is fitted into (1 when
 * absent); {@code offset} moves it by fractions of the frame; {@code animation}
 * holds what is given as tweens.
 */
public record Clip(Asset asset, ClipStart start, ClipLength length, Fit fit, double scale, Position position,
        Offset offset, Optional<Transition> transitionIn, Optional<Transition> transitionOut,
        Optional<MotionEffect> effect, Optional<ColorFilter> filter, double opacity, Animation animation) {

    public Clip(Asset asset, ClipStart start, ClipLength length, Fit fit, double scale, Position position,
            Offset offset, Optional<Transition> transitionIn, Optional<Transition> transitionOut,
            Optional<MotionEffect> effect, Optional<ColorFilter> filter, double opacity) {
        this(asset, start, length, fit, scale, position, offset, transitionIn, transitionOut, effect, filter, opacity,
                Animation.NONE);
    }
}
