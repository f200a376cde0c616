package dev.reelforge.core.edit.model;

import java.util.Optional;

/**
 * An asset placed on a track. {@code scale} is the fraction of the frame the asset is fitted into (1 when
 * absent); {@code offset} moves it by fractions of the frame; {@code transform} crops, flips and turns it;
 * {@code animation} holds what is given as tweens.
 */
public record Clip(Asset asset, ClipStart start, ClipLength length, Fit fit, double scale, Position position,
        Offset offset, Optional<Transition> transitionIn, Optional<Transition> transitionOut,
        Optional<MotionEffect> effect, Optional<ColorFilter> filter, double opacity, Transform transform,
        Animation animation) {

    /** A clip neither transformed nor animated. */
    public Clip(Asset asset, ClipStart start, ClipLength length, Fit fit, double scale, Position position,
            Offset offset, Optional<Transition> transitionIn, Optional<Transition> transitionOut,
            Optional<MotionEffect> effect, Optional<ColorFilter> filter, double opacity) {
        this(asset, start, length, fit, scale, position, offset, transitionIn, transitionOut, effect, filter, opacity,
                Transform.NONE, Animation.NONE);
    }

    /** A transformed clip, not animated. */
    public Clip(Asset asset, ClipStart start, ClipLength length, Fit fit, double scale, Position position,
            Offset offset, Optional<Transition> transitionIn, Optional<Transition> transitionOut,
            Optional<MotionEffect> effect, Optional<ColorFilter> filter, double opacity, Transform transform) {
        this(asset, start, length, fit, scale, position, offset, transitionIn, transitionOut, effect, filter, opacity,
                transform, Animation.NONE);
    }

    /** An animated clip, not transformed. */
    public Clip(Asset asset, ClipStart start, ClipLength length, Fit fit, double scale, Position position,
            Offset offset, Optional<Transition> transitionIn, Optional<Transition> transitionOut,
            Optional<MotionEffect> effect, Optional<ColorFilter> filter, double opacity, Animation animation) {
        this(asset, start, length, fit, scale, position, offset, transitionIn, transitionOut, effect, filter, opacity,
                Transform.NONE, animation);
    }

    /** The same clip showing another asset (a rendered HTML asset becomes a picture). */
    public Clip withAsset(Asset other) {
        return new Clip(other, start, length, fit, scale, position, offset, transitionIn, transitionOut, effect, filter,
                opacity, transform, animation);
    }
}
