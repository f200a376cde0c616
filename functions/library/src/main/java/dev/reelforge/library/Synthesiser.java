package dev.reelforge.library;

import java.util.SplittableRandom;

/**
 * Plays a {@link Score} for a given length into 16-bit mono PCM at 44.1 kHz: a pad holding each bar's chord, a
 * plucked bass on the root, an arpeggio over the chord, a kick (a falling sine), a snare and a hi-hat (bursts of
 * seeded noise), a short fade-in and a four-second fade-out at the end. Only arithmetic and a seeded generator:
 * the same score and length always give the same samples, so a track's file can be made again anywhere.
 */
public final class Synthesiser {

    public static final int SAMPLE_RATE = 44_100;
    private static final double FADE_OUT_SECONDS = 4;
    private static final double FADE_IN_SECONDS = 0.02;
    private static final double PEAK = 0.89;

    /** The samples of {@code seconds} of the score (rounded to a whole sample). */
    public short[] play(Score score, double seconds) {
        int length = (int) Math.round(seconds * SAMPLE_RATE);
        double[] mix = new double[length];
        double stepSeconds = 60.0 / score.bpm() / 4;
        int stepSamples = (int) Math.round(stepSeconds * SAMPLE_RATE);
        int barSamples = 16 * stepSamples;
        SplittableRandom noise = new SplittableRandom(score.seed());
        for (int bar = 0; bar * barSamples < length; bar++) {
            int start = bar * barSamples;
            int degree = score.progression().get(bar % score.progression().size());
            int[] chord = {score.mode().note(score.root(), degree), score.mode().note(score.root(), degree + 2),
                    score.mode().note(score.root(), degree + 4)};
            for (int note : chord) {
                pad(mix, start, barSamples, frequency(note), score.pad());
            }
            for (int step = 0; step < 16; step++) {
                int at = start + step * stepSamples;
                if (at >= length) {
                    break;
                }
                if (plays(score.bass(), step)) {
                    pluck(mix, at, frequency(chord[0] - 24), 0.30, 0.35, true);
                }
                if (score.arpeggioSteps() > 0 && step % score.arpeggioSteps() == 0) {
                    int index = (step / score.arpeggioSteps()) % 4;
                    int note = index == 3 ? chord[1] + 12 : chord[index] + 12;
                    pluck(mix, at, frequency(note), 0.09, 0.25, false);
                }
                if (plays(score.kick(), step)) {
                    kick(mix, at);
                }
                if (plays(score.snare(), step)) {
                    burst(mix, at, noise, 0.22, 0.09, false);
                }
                if (plays(score.hat(), step)) {
                    burst(mix, at, noise, 0.07, 0.025, true);
                }
            }
        }
        return finish(mix);
    }

    private static boolean plays(String pattern, int step) {
        return !pattern.isEmpty() && pattern.charAt(step) == 'x';
    }

    private static double frequency(int midi) {
        return 440 * Math.pow(2, (midi - 69) / 12.0);
    }

    /** A held chord note: a slow attack and release over the bar. */
    private static void pad(double[] mix, int start, int samples, double hz, Score.Timbre timbre) {
        int attack = SAMPLE_RATE / 8;
        int release = SAMPLE_RATE / 5;
        for (int i = 0; i < samples && start + i < mix.length; i++) {
            double envelope = Math.min(1, Math.min((double) i / attack, (double) (samples - i) / release));
            double phase = 2 * Math.PI * hz * i / SAMPLE_RATE;
            mix[start + i] += 0.06 * envelope * (timbre.first * Math.sin(phase) + timbre.second * Math.sin(2 * phase)
                    + timbre.third * Math.sin(3 * phase));
        }
    }

    /** A plucked note decaying exponentially; the bass's is a rounded triangle. */
    private static void pluck(double[] mix, int start, double hz, double gain, double decaySeconds, boolean bass) {
        int samples = (int) (decaySeconds * 4 * SAMPLE_RATE);
        for (int i = 0; i < samples && start + i < mix.length; i++) {
            double t = (double) i / SAMPLE_RATE;
            double phase = 2 * Math.PI * hz * t;
            double wave = bass ? Math.sin(phase) + 0.25 * Math.sin(3 * phase) : Math.sin(phase);
            mix[start + i] += gain * Math.exp(-t / decaySeconds) * Math.min(1, i / 40.0) * wave;
        }
    }

    /** A sine falling from 120 to 45 Hz, decaying in a quarter of a second. */
    private static void kick(double[] mix, int start) {
        int samples = SAMPLE_RATE / 2;
        double phase = 0;
        for (int i = 0; i < samples && start + i < mix.length; i++) {
            double t = (double) i / SAMPLE_RATE;
            phase += 2 * Math.PI * (45 + 75 * Math.exp(-t / 0.04)) / SAMPLE_RATE;
            mix[start + i] += 0.5 * Math.exp(-t / 0.12) * Math.sin(phase);
        }
    }

    /** Seeded white noise decaying exponentially; a hi-hat keeps only its highs (each sample less the one before). */
    private static void burst(double[] mix, int start, SplittableRandom noise, double gain, double decaySeconds,
            boolean highs) {
        int samples = (int) (decaySeconds * 5 * SAMPLE_RATE);
        double previous = 0;
        for (int i = 0; i < samples; i++) {
            double white = noise.nextDouble(-1, 1);
            double value = highs ? white - previous : white;
            previous = white;
            if (start + i < mix.length) {
                mix[start + i] += gain * Math.exp(-((double) i / SAMPLE_RATE) / decaySeconds) * value;
            }
        }
    }

    /** Fades in and out, scales the peak to {@link #PEAK} of full scale and rounds to 16 bits. */
    private static short[] finish(double[] mix) {
        int fadeIn = (int) (FADE_IN_SECONDS * SAMPLE_RATE);
        int fadeOut = (int) Math.min(FADE_OUT_SECONDS * SAMPLE_RATE, mix.length / 2.0);
        double peak = 1e-9;
        for (int i = 0; i < mix.length; i++) {
            double gain = Math.min(1, Math.min((double) i / fadeIn, (double) (mix.length - 1 - i) / fadeOut));
            mix[i] *= gain * gain;
            peak = Math.max(peak, Math.abs(mix[i]));
        }
        short[] samples = new short[mix.length];
        for (int i = 0; i < mix.length; i++) {
            samples[i] = (short) Math.round(mix[i] / peak * PEAK * Short.MAX_VALUE);
        }
        return samples;
    }
}
