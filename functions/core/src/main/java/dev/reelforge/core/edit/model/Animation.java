package dev.reelforge.core.edit.model;

import java.util.Optional;

/**
 * A clip's properties given as arrays of tweens (the plain numbers stay on the clip and its asset):
 * opacity, offset, the video or audio asset's volume, the rotation angle (degrees) and the scale.
 */
public record Animation(Optional<Keyframes> opacity, Optional<Keyframes> offsetX, Optional<Keyframes> offsetY,
        Optional<Keyframes> volume, Optional<Keyframes> angle, Optional<Keyframes> scale) {

    public static final Animation NONE =
            new Animation(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Animation(Optional<Keyframes> opacity, Optional<Keyframes> offsetX, Optional<Keyframes> offsetY,
            Optional<Keyframes> volume) {
        this(opacity, offsetX, offsetY, volume, Optional.empty(), Optional.empty());
    }

    /** Whether the picture turns or resizes over time. */
    public boolean shapes() {
        return angle.isPresent() || scale.isPresent();
    }

    /** Whether the picture is tweened (opacity or offset). */
    public boolean looks() {
        return opacity.isPresent() || offsetX.isPresent() || offsetY.isPresent();
    }
}
