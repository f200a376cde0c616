package dev.reelforge.core.plan;

import dev.reelforge.core.caption.Cue;
import dev.reelforge.core.edit.model.Asset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places a subtitle file's cues on the output: file time {@code t} is clip time {@code (t - trim) / speed}, the
 * clip starting at {@code clipStart} on the output; each cue (and word) is cut to the part of the clip shown.
 * Cues wholly before the trim point or after the clip are dropped. Paused (speed 0), the cue on screen at
 * {@code trim} is shown for the whole clip.
 */
final class CaptionTimes {

    /**
     * How many times one caption clip may change what it draws (a cue beginning; with word styling, a word too):
     * each change re-initialises an ffmpeg drawtext, which in ffmpeg 4.4 keeps about 200 KB until the render
     * ends, so this bounds the composition's memory at some 400-800 MB.
     */
    static final int MAX_CHANGES = 2000;

    private CaptionTimes() {}

    /** The cues plus, for word styling, their words: how often the layer's text changes, roughly. */
    static int changes(List<Cue> cues, boolean words) {
        int changes = 0;
        for (Cue cue : cues) {
            changes += 1 + (words ? cue.words().size() : 0);
        }
        return changes;
    }

    /** The cues shown, on the output timeline; empty when none is. */
    static Optional<List<Cue>> shown(Asset.Caption caption, List<Cue> cues, Timing shown, double clipStart) {
        List<Cue> placed = new ArrayList<>();
        for (Cue cue : cues) {
            double start = Math.max(shown.start(), at(cue.start(), caption, clipStart));
            double end = Math.min(shown.end(), at(cue.end(), caption, clipStart));
            if (end - start <= 1e-9) {
                continue;
            }
            List<Cue.Word> words = new ArrayList<>();
            for (Cue.Word word : cue.words()) {
                // inside the cue: a paused clip's word not spoken yet lasts no time at its end; before the cue's
                // shown start a word keeps its start (up to a second back), so an entrance cut there is part way
                double spoken = at(word.start(), caption, clipStart);
                words.add(new Cue.Word(caption.style().transform().apply(word.text()),
                        Math.min(end, Math.max(Double.isInfinite(spoken) ? start : start - 1, spoken)),
                        Math.min(end, Math.max(start, at(word.end(), caption, clipStart)))));
            }
            placed.add(new Cue(start, end, caption.style().transform().apply(cue.text()), words));
        }
        return placed.isEmpty() ? Optional.empty() : Optional.of(placed);
    }

    /**
     * Paused (speed 0), file time stands still at {@code trim}: what happened at or before it has happened before
     * the clip starts (minus infinity), the rest never comes (plus infinity), so the cue on screen at {@code trim}
     * (and, for word styling, the words spoken by then) is shown for the whole clip, as a paused video shows its
     * frame at {@code trim}.
     */
    private static double at(double fileSeconds, Asset.Caption caption, double clipStart) {
        if (caption.speed() == 0) {
            return fileSeconds <= caption.trim() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return clipStart + (fileSeconds - caption.trim()) / caption.speed();
    }
}
