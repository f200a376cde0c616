package dev.reelforge.library;

import java.util.List;
import java.util.Objects;

/**
 * What the {@link Synthesiser} plays for one track: a tempo, a key, a chord progression (one chord a bar, as scale
 * degrees counted from 0), a pad's timbre, and four sixteen-step patterns (one bar; {@code x} plays the step) for the
 * bass, the kick, the snare and the hi-hat, plus an arpeggio of the chord's notes every {@code arpeggioSteps} steps (0
 * for none). An empty drum pattern leaves that drum out.
 *
 * @param root the key's tonic as a MIDI note (60 = middle C); the pad plays around it, the bass two octaves lower
 * @param seed the noise of the drums, so the same score always makes the same samples
 */
public record Score(int bpm, int root, Mode mode, List<Integer> progression, Timbre pad, String bass, String kick,
        String snare, String hat, int arpeggioSteps, long seed) {

    public enum Mode {
        MAJOR(0, 2, 4, 5, 7, 9, 11), MINOR(0, 2, 3, 5, 7, 8, 10);

        private final int[] semitones;

        Mode(int... semitones) {
            this.semitones = semitones;
        }

        /** The MIDI note of a scale degree counted from 0 (7 is the tonic an octave up). */
        int note(int root, int degree) {
            return root + semitones[Math.floorMod(degree, 7)] + 12 * Math.floorDiv(degree, 7);
        }
    }

    /** How a pad note sounds: the strength of its first three harmonics. */
    public enum Timbre {
        WARM(1, 0.3, 0.1), BRIGHT(1, 0.55, 0.35), HOLLOW(1, 0.05, 0.4);

        final double first;
        final double second;
        final double third;

        Timbre(double first, double second, double third) {
            this.first = first;
            this.second = second;
            this.third = third;
        }
    }

    public Score {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(pad, "pad");
        progression = List.copyOf(progression);
        if (bpm < 40 || bpm > 200 || progression.isEmpty() || arpeggioSteps < 0) {
            throw new IllegalArgumentException("a score needs 40 to 200 bpm, a progression and arpeggioSteps >= 0");
        }
        for (String pattern : List.of(bass, kick, snare, hat)) {
            if (!pattern.isEmpty() && !pattern.matches("[x.]{16}")) {
                throw new IllegalArgumentException("a pattern is 16 steps of x or . (or empty): " + pattern);
            }
        }
    }
}
