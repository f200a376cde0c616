package dev.reelforge.core.edit.model;

import java.util.Optional;

/**
 * A clip's properties given as arrays of tweens (the plain numbers stay on the clip and its asset):
 * opacity, offset and the video or audio asset's volume.
 */
public record Animation(Optional<Keyframes> opacity, Optional<Keyframes> offsetX, Optional<Keyframes> offsetY,
        Optional<Keyframes> volume) {

    public static final Animation NONE =
            new Animation(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Whether the picture is tweened (opacity or offset). */
    public boolean looks() {
        return opacity.isPresent() || offsetX.isPresent() || offsetY.isPresent();
    }
}
