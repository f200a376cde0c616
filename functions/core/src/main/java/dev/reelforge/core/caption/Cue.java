package dev.reelforge.core.caption;

import java.util.ArrayList;
import java.util.List;

/**
 * One subtitle: its {@code text} (lines joined by {@code \n}, markup removed) shown from {@code start} to
 * {@code end} seconds of the subtitle file's time, and its words with their own times. A file that times its
 * words (WebVTT's inline {@code <00:00:01.250>} timestamps) gives them; otherwise the cue's time is spread
 * evenly over its words.
 */
public record Cue(double start, double end, String text, List<Word> words) {

    public Cue {
        words = List.copyOf(words);
    }

    /** A word of the cue, spoken from {@code start} to {@code end} (subtitle file time). */
    public record Word(String text, double start, double end) {}

    /** A cue whose words share its time evenly, in the order they are written. */
    static Cue evenlyTimed(double start, double end, String text) {
        if (text.isBlank()) {
            return new Cue(start, end, text, List.of());
        }
        List<String> written = List.of(text.strip().split("\\s+"));
        double share = (end - start) / written.size();
        ArrayList<Word> words = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            words.add(new Word(written.get(i), start + i * share, i == written.size() - 1 ? end : start + (i + 1) * share));
        }
        return new Cue(start, end, text, words);
    }
}
