package dev.reelforge.library;

import dev.reelforge.library.Score.Mode;
import dev.reelforge.library.Score.Timbre;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The score of each track of the shipped library ({@code music/library.json} in core), by track id. A score that
 * changes must come with a new file name in library.json, or deployments keep the old file.
 */
public final class TrackScores {

    private static final Map<String, Score> SCORES = Map.of(
            // I-V-vi-IV in C, a walking pop groove
            "rf-sunrise-walk", new Score(96, 60, Mode.MAJOR, List.of(0, 4, 5, 3), Timbre.WARM,
                    "x...x...x...x...", "x.......x.......", "....x.......x...", "x.x.x.x.x.x.x.x.", 2, 11),
            // i-VI-III-VII in A minor, driving eighths
            "rf-night-drive", new Score(120, 57, Mode.MINOR, List.of(0, 5, 2, 6), Timbre.BRIGHT,
                    "x.x.x.x.x.x.x.x.", "x...x...x...x...", "....x.......x...", "..x...x...x...x.", 1, 22),
            // I-vi-IV-V in F, slow and without drums
            "rf-quiet-harbour", new Score(72, 65, Mode.MAJOR, List.of(0, 5, 3, 4), Timbre.HOLLOW,
                    "x.......x.......", "", "", "", 4, 33),
            // I-IV-V-IV in G, four on the floor with an off-beat bass
            "rf-party-lights", new Score(128, 55, Mode.MAJOR, List.of(0, 3, 4, 3), Timbre.BRIGHT,
                    "..x...x...x...x.", "x...x...x...x...", "....x.......x...", "..x...x...x...x.", 1, 44),
            // i-iv-VI-V in D minor, a slow half-time beat
            "rf-long-goodbye", new Score(84, 62, Mode.MINOR, List.of(0, 3, 5, 4), Timbre.WARM,
                    "x.......x.......", "x.........x.....", "........x.......", "", 2, 55));

    private TrackScores() {}

    public static Optional<Score> of(String trackId) {
        return Optional.ofNullable(SCORES.get(trackId));
    }
}
