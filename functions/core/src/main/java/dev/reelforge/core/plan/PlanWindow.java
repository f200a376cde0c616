package dev.reelforge.core.plan;

import dev.reelforge.core.caption.Cue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of a plan between two times of its output, as a plan of its own whose output starts at 0: what it draws
 * and plays is what the whole plan draws and plays at those times, as long as no layer changes how it looks or
 * sounds at the cuts in a way only its whole can tell (see {@link ChunkBoundaries#safe}). A layer cut at the start
 * of the window plays on from where it was (a later frame of its video, its tweens and captions on the same clock)
 * and loses its transition in, which is over by then; one cut at the end loses its transition out, which has not
 * begun.
 */
final class PlanWindow {

    /** Shorter than a frame at any rate: a layer that reaches into the window by less is not in it. */
    private static final double EPSILON = 1e-9;

    private final double from;
    private final double to;

    private PlanWindow(double from, double to) {
        this.from = from;
        this.to = to;
    }

    static RenderPlan of(RenderPlan plan, double from, double to) {
        if (!(from >= 0 && to > from && to <= plan.duration() + EPSILON)) {
            throw new IllegalArgumentException("a window of " + plan.duration() + " s cannot run from " + from
                    + " to " + to);
        }
        PlanWindow window = new PlanWindow(from, Math.min(to, plan.duration()));
        List<VisualLayer> layers = new ArrayList<>();
        for (VisualLayer layer : plan.layers()) {
            window.layer(layer).ifPresent(layers::add);
        }
        List<AudioPart> sounds = new ArrayList<>();
        for (AudioPart sound : plan.sounds()) {
            window.sound(sound).ifPresent(sounds::add);
        }
        return new RenderPlan(plan.frame(), plan.fps(), plan.background(), window.to - from, 0, plan.sources(),
                layers, sounds, plan.output());
    }

    /** The layer's part inside the window, on the window's output time. */
    private Optional<VisualLayer> layer(VisualLayer layer) {
        return cut(layer.timing()).map(cut -> {
            Look look = look(layer.look(), cut);
            return switch (layer) {
                case VisualLayer.Picture picture -> new VisualLayer.Picture(cut.timing(), look, picture.source(),
                        picture.still() ? picture.trim() : picture.trim() + cut.skipped() * picture.speed(),
                        picture.speed(), picture.still(), picture.box(), mattes(picture.mattes()),
                        picture.chromaKey());
                case VisualLayer.Text text -> new VisualLayer.Text(cut.timing(), look, text.text(), text.face(),
                        text.sizePx(), text.lineHeight(), text.color(), text.background(), text.boxWidth(),
                        text.boxHeight(), text.horizontal(), text.vertical(), text.position(), text.offset(),
                        text.wrap(), text.finish(), text.transform(), mattes(text.mattes()));
                case VisualLayer.RichText rich -> new VisualLayer.RichText(cut.timing(), look, rich.text(),
                        rich.width(), rich.height(), rich.skipped() + cut.skipped(), rich.box(), mattes(rich.mattes()));
                case VisualLayer.Caption caption -> new VisualLayer.Caption(cut.timing(), look, cues(caption.cues()),
                        caption.style(), caption.offset(), caption.transform());
            };
        });
    }

    private Look look(Look look, Cut cut) {
        return new Look(look.opacity(), cut.keepsStart() ? look.in() : Optional.empty(),
                cut.keepsEnd() ? look.out() : Optional.empty(), look.effect(), look.filter(), look.animation(),
                look.clipStart() - from);
    }

    /** Mattes are never cut ({@link ChunkBoundaries} keeps cuts out of a layer that has any): only moved. */
    private List<Matte> mattes(List<Matte> mattes) {
        return mattes.stream().map(matte -> new Matte(moved(matte.timing()), matte.source(), matte.trim(),
                matte.still())).toList();
    }

    /** Cues keep their times on the layer's clock, now read from the window's start. */
    private List<Cue> cues(List<Cue> cues) {
        return cues.stream().map(cue -> new Cue(cue.start() - from, cue.end() - from, cue.text(),
                cue.words().stream().map(word -> new Cue.Word(word.text(), word.start() - from, word.end() - from))
                        .toList())).toList();
    }

    private Optional<AudioPart> sound(AudioPart sound) {
        return cut(sound.timing()).map(cut -> new AudioPart(cut.timing(), sound.source(),
                sound.trim() + cut.skipped() * sound.speed(), sound.speed(), sound.volume(),
                cut.keepsStart() ? sound.fadeInSeconds() : 0, cut.keepsEnd() ? sound.fadeOutSeconds() : 0,
                sound.volumeTweens().map(tweens -> tweens.shifted(cut.skipped()))));
    }

    private Timing moved(Timing timing) {
        return new Timing(timing.start() - from, timing.length());
    }

    private Optional<Cut> cut(Timing timing) {
        double start = Math.max(timing.start(), from);
        double end = Math.min(timing.end(), to);
        if (end - start <= EPSILON) {
            return Optional.empty();
        }
        return Optional.of(new Cut(new Timing(start - from, end - start), start - timing.start(),
                timing.start() >= from - EPSILON, timing.end() <= to + EPSILON));
    }

    /** A layer as the window sees it: its timing there, how much of its start the window cut off, what it keeps. */
    private record Cut(Timing timing, double skipped, boolean keepsStart, boolean keepsEnd) {}
}
