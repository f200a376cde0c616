package dev.reelforge.core.plan;

import dev.reelforge.core.edit.model.Fps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Where a video plan may be cut into chunks composed apart and joined again with nothing to tell: at a frame (so
 * the chunks' frames are the whole's), and where every layer and sound that goes on across the cut looks and sounds
 * the same however much of it is known. That rules out a cut during a transition or a fade, and anywhere inside a
 * layer with a motion effect (its progress is over the whole layer) or a luma matte, or a video or sound past the end
 * of its source (held or silent for the rest of the layer), or a sound played faster or slower than it was recorded
 * (its time-stretch, ffmpeg's {@code atempo}, picks where to overlap the source by what it has played so far: started
 * at the cut it takes another path than the whole did, as loud but out of phase, and the join clicks). {@link #of}
 * spreads the chunks evenly and moves each cut to the nearest such time within half a chunk; where there is none, two
 * chunks become one.
 */
public final class ChunkBoundaries {

    private static final double EPSILON = 1e-6;

    private ChunkBoundaries() {}

    /** A part of the plan's output, from {@code from} to {@code to} seconds. */
    public record Chunk(double from, double to) {

        public double length() {
            return to - from;
        }
    }

    /**
     * The plan's output in chunks of at most about {@code chunkSeconds} each, in order, covering all of it: one chunk
     * when it is no longer, or cannot be cut.
     */
    public static List<Chunk> of(RenderPlan plan, double chunkSeconds) {
        if (!(chunkSeconds > 0)) {
            throw new IllegalArgumentException("chunks last a positive number of seconds, not " + chunkSeconds);
        }
        double duration = plan.duration();
        int count = (int) Math.ceil(duration / chunkSeconds - EPSILON);
        if (count < 2) {
            return List.of(new Chunk(0, duration));
        }
        List<double[]> unsafe = merged(unsafeSpans(plan));
        double size = duration / count;
        List<Chunk> chunks = new ArrayList<>();
        double from = 0;
        for (int i = 1; i < count; i++) {
            OptionalDouble cut = nearestSafe(plan.fps(), unsafe, i * size, size / 2, from + size / 4,
                    duration - size / 4);
            if (cut.isPresent()) {
                chunks.add(new Chunk(from, cut.getAsDouble()));
                from = cut.getAsDouble();
            }
        }
        chunks.add(new Chunk(from, duration));
        return List.copyOf(chunks);
    }

    /** Whether the plan may be cut at {@code at} seconds of its output (which must also be a frame's time). */
    public static boolean safe(RenderPlan plan, double at) {
        return unsafeSpans(plan).stream().noneMatch(span -> inside(span, at));
    }

    private static OptionalDouble nearestSafe(Fps fps, List<double[]> unsafe, double ideal, double reach, double low,
            double high) {
        List<Double> candidates = new ArrayList<>();
        double at = frameTime(fps, Math.round(ideal * fps.numerator() / fps.denominator()));
        double[] around = unsafe.stream().filter(span -> inside(span, at)).findFirst().orElse(null);
        if (around == null) {
            candidates.add(at);
        } else {
            candidates.add(frameTime(fps, (long) Math.floor(around[0] * fps.numerator() / fps.denominator() + EPSILON)));
            candidates.add(frameTime(fps, (long) Math.ceil(around[1] * fps.numerator() / fps.denominator() - EPSILON)));
        }
        return candidates.stream()
                .filter(time -> time > low && time < high && Math.abs(time - ideal) <= reach)
                .filter(time -> unsafe.stream().noneMatch(span -> inside(span, time)))
                .min(Comparator.comparingDouble(time -> Math.abs(time - ideal)))
                .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private static double frameTime(Fps fps, long frame) {
        return (double) frame * fps.denominator() / fps.numerator();
    }

    private static boolean inside(double[] span, double at) {
        return at > span[0] + EPSILON && at < span[1] - EPSILON;
    }

    /** The open spans of output time no cut may fall in. */
    private static List<double[]> unsafeSpans(RenderPlan plan) {
        List<double[]> spans = new ArrayList<>();
        for (VisualLayer layer : plan.layers()) {
            Timing timing = layer.timing();
            Look look = layer.look();
            boolean whole = look.effect().isPresent() || switch (layer) {
                case VisualLayer.Picture picture -> !picture.mattes().isEmpty() || runsOut(picture);
                case VisualLayer.Text text -> !text.mattes().isEmpty();
                case VisualLayer.RichText rich -> !rich.mattes().isEmpty();
                case VisualLayer.Caption caption -> false;
            };
            if (whole) {
                spans.add(new double[] {timing.start(), timing.end()});
                continue;
            }
            look.in().ifPresent(in -> spans.add(new double[] {timing.start(), timing.start() + in.seconds()}));
            look.out().ifPresent(out -> spans.add(new double[] {timing.end() - out.seconds(), timing.end()}));
        }
        for (AudioPart sound : plan.sounds()) {
            Timing timing = sound.timing();
            if (runsOut(sound) || sound.speed() != 1) {
                spans.add(new double[] {timing.start(), timing.end()});
                continue;
            }
            spans.add(new double[] {timing.start(), timing.start() + sound.fadeInSeconds()});
            spans.add(new double[] {timing.end() - sound.fadeOutSeconds(), timing.end()});
        }
        return spans;
    }

    private static boolean runsOut(VisualLayer.Picture picture) {
        return !picture.still() && picture.source().info().duration()
                .stream().anyMatch(seconds -> picture.trim() + picture.timing().length() * picture.speed()
                        > seconds + EPSILON);
    }

    private static boolean runsOut(AudioPart sound) {
        return sound.source().info().duration()
                .stream().anyMatch(seconds -> sound.trim() + sound.timing().length() * sound.speed()
                        > seconds + EPSILON);
    }

    /** The spans in order of their start, overlapping or touching ones made one. */
    private static List<double[]> merged(List<double[]> spans) {
        List<double[]> sorted = spans.stream().filter(span -> span[1] - span[0] > EPSILON)
                .sorted(Comparator.comparingDouble(span -> span[0])).toList();
        List<double[]> merged = new ArrayList<>();
        for (double[] span : sorted) {
            double[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && span[0] <= last[1] + EPSILON) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                merged.add(span.clone());
            }
        }
        return merged;
    }
}
