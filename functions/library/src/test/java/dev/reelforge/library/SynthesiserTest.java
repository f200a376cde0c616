package dev.reelforge.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.project.LibraryTrack;
import dev.reelforge.core.project.ShippedMusicLibrary;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SynthesiserTest {

    private final Synthesiser synthesiser = new Synthesiser();

    @Test
    void everyShippedTrackHasAScore() {
        assertThat(ShippedMusicLibrary.shipped().tracks())
                .allSatisfy(track -> assertThat(TrackScores.of(track.id())).as(track.id()).isPresent());
    }

    @Test
    void aScorePlaysToTheSameSamplesEveryTime() {
        Score score = TrackScores.of("rf-night-drive").orElseThrow();
        assertThat(synthesiser.play(score, 5)).isEqualTo(synthesiser.play(score, 5));
    }

    @Test
    void aTrackLastsExactlyItsLengthAndEndsInSilence() {
        short[] samples = synthesiser.play(TrackScores.of("rf-party-lights").orElseThrow(), 30);
        assertThat(samples).hasSize(30 * Synthesiser.SAMPLE_RATE);
        assertThat(peak(samples, samples.length - Synthesiser.SAMPLE_RATE / 10, samples.length)).isLessThan(200);
        assertThat(peak(samples, 10 * Synthesiser.SAMPLE_RATE, 20 * Synthesiser.SAMPLE_RATE)).isGreaterThan(20_000);
    }

    @Test
    void everyTrackSoundsDifferent() {
        List<LibraryTrack> tracks = ShippedMusicLibrary.shipped().tracks();
        Set<Integer> openings = new HashSet<>();
        for (LibraryTrack track : tracks) {
            short[] samples = synthesiser.play(TrackScores.of(track.id()).orElseThrow(), 8);
            openings.add(Arrays.hashCode(Arrays.copyOfRange(samples, 0, 6 * Synthesiser.SAMPLE_RATE)));
        }
        assertThat(openings).hasSize(tracks.size());
    }

    private static int peak(short[] samples, int from, int to) {
        int peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }
}
