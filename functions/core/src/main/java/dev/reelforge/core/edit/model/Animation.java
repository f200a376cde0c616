package dev.reelforge.core.edit.model;

import java.util.Optional;

/**
 * A clip's properties given as arrays of tweens (the plain numbers stay on the clip and its asset):
 * opacity, offset, the video or audio asset's volume, the rotation angle (degrees), the scale and the skew
 * (fractions of the frame, as {@link Transform#skewX()} and {@link Transform#skewY()}).
 */
public record Animation(Optional<Keyframes> opacity, Optional<Keyframes> offsetX, Optional<Keyframes> offsetY,
        Optional<Keyframes> volume, Optional<Keyframes> angle, Optional<Keyframes> scale, Optional<Keyframes> skewX,
        Optional<Keyframes> skewY) {

    public static final Animation NONE =
            new Animation(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Animation(Optional<Keyframes> opacity, Optional<Keyframes> offsetX, Optional<Keyframes> offsetY,
            Optional<Keyframes> volume) {
        this(opacity, offsetX, offsetY, volume, Optional.empty(), Optional.empty());
    }

    public Animation(Optional<Keyframes> opacity, Optional<Keyframes> offsetX, Optional<Keyframes> offsetY,
            Optional<Keyframes> volume, Optional<Keyframes> angle, Optional<Keyframes> scale) {
        this(opacity, offsetX, offsetY, volume, angle, scale, Optional.empty(), Optional.empty());
    }

    /** Whether the picture turns, resizes or skews over time. */
    public boolean shapes() {
        return angle.isPresent() || scale.isPresent() || skews();
    }

    /** Whether the picture's skew changes over time. */
    public boolean skews() {
        return skewX.isPresent() || skewY.isPresent();
    }

    /** Whether the picture is tweened (opacity or offset). */
    public boolean looks() {
        return opacity.isPresent() || offsetX.isPresent() || offsetY.isPresent();
    }
}
