package dev.reelforge.library;

import dev.reelforge.core.project.LibraryTrack;
import java.nio.file.Path;

/** A track's file made from its score: synthesised for exactly its listed length, then encoded to M4A. */
public final class SynthesisedTracks implements TrackMaker {

    private final Synthesiser synthesiser;
    private final AacEncoder encoder;

    public SynthesisedTracks(Synthesiser synthesiser, AacEncoder encoder) {
        this.synthesiser = synthesiser;
        this.encoder = encoder;
    }

    @Override
    public void make(LibraryTrack track, Path target) {
        Score score = TrackScores.of(track.id())
                .orElseThrow(() -> new IllegalStateException("the library's track " + track.id() + " has no score"));
        encoder.encode(synthesiser.play(score, track.seconds()), target);
    }
}
