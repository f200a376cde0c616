package dev.reelforge.core.plan;

import dev.reelforge.core.edit.model.Keyframes;
import java.util.Optional;

/**
 * A sound on the output timeline: {@code length} seconds of the source from {@code trim}, played at
 * {@code speed} and {@code volume}, fading in and out over the given seconds (0 for none); tweened volume (then {@code volume} is 1)
 * on a clock that reads 0 where the part starts.
 */
public record AudioPart(Timing timing, SourceFile source, double trim, double speed, double volume,
        double fadeInSeconds, double fadeOutSeconds, Optional<Keyframes> volumeTweens) {

    public AudioPart(Timing timing, SourceFile source, double trim, double speed, double volume,
            double fadeInSeconds, double fadeOutSeconds) {
        this(timing, source, trim, speed, volume, fadeInSeconds, fadeOutSeconds, Optional.empty());
    }
}
