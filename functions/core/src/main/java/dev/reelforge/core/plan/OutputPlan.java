package dev.reelforge.core.plan;

import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import java.util.Optional;

/**
 * What the encoder writes. {@code size} is what gets delivered (the composed frame, or its scaleTo);
 * capture times are seconds on the output timeline, already inside it. A {@code watermarked} output (the
 * sandbox's) carries the watermark where {@link WatermarkPlacement} puts it.
 */
public record OutputPlan(OutputFormat format, Size size, Fps fps, Quality quality, boolean repeat, boolean mute,
        Optional<Double> posterAt, Optional<ThumbnailPlan> thumbnail, boolean hosted, boolean watermarked) {

    public record ThumbnailPlan(double at, Size size) {}

    /**
     * Whether the composer writes the final file itself, with no encoding job: images, and a GIF that plays once
     * (MediaConvert's GIFs always loop). Such outputs have no poster or thumbnail.
     */
    public boolean writtenByComposer() {
        return format.kind() == OutputFormat.Kind.IMAGE || (format == OutputFormat.GIF && !repeat);
    }

    public OutputPlan withWatermark() {
        return new OutputPlan(format, size, fps, quality, repeat, mute, posterAt, thumbnail, hosted, true);
    }
}
