package dev.reelforge.core.plan;

import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.Size;
import java.util.List;

/**
 * A whole render: a {@code frame}-sized canvas filled with {@code background}, {@code layers} drawn
 * bottom first, {@code sounds} mixed, for {@code duration} seconds at {@code fps}; then {@code output}.
 * An image output is the frame at {@code stillAt}.
 */
public record RenderPlan(Size frame, Fps fps, Color background, double duration, double stillAt,
        List<SourceFile> sources, List<VisualLayer> layers, List<AudioPart> sounds, OutputPlan output) {

    public RenderPlan {
        sources = List.copyOf(sources);
        layers = List.copyOf(layers);
        sounds = List.copyOf(sounds);
    }

    /** The same plan for a sandbox render, whose outputs carry the watermark. */
    public RenderPlan watermarked() {
        return new RenderPlan(frame, fps, background, duration, stillAt, sources, layers, sounds, output.withWatermark());
    }

    /**
     * The part of the output from {@code from} to {@code to} seconds, as a plan whose output starts at 0; composed, it
     * is that part of the whole's composition when both are times {@link ChunkBoundaries} would cut at.
     */
    public RenderPlan window(double from, double to) {
        return PlanWindow.of(this, from, to);
    }

    /** MP4 carries sound unless muted or there is none; MP3 always does (silence if need be). */
    public boolean writesAudio() {
        return switch (output.format()) {
            case MP3 -> true;
            case MP4 -> !output.mute() && !sounds.isEmpty();
            default -> false;
        };
    }
}
