package dev.reelforge.core.plan;

import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import java.util.Optional;

/**
 * What the encoder writes. {@code size} is what gets delivered (the composed frame, or its scaleTo);
 * capture times are seconds on the output timeline, already inside it.
 */
public record OutputPlan(OutputFormat format, Size size, Fps fps, Quality quality, boolean repeat, boolean mute,
        Optional<Double> posterAt, Optional<ThumbnailPlan> thumbnail, boolean hosted) {

    public record ThumbnailPlan(double at, Size size) {}
}
