package dev.reelforge.core.video;

import java.util.List;
import java.util.UUID;

/**
 * What one sweep did: the videos it expired (their assets deleted by it, a callback dispatched when their render
 * asked for one), those it found gone already (deleted otherwise before their time came, so no callback), those whose
 * rule changed before the sweep got to them, and those it could not finish (the next sweep carries them on).
 */
public record ExpireDueVideosResult(List<UUID> expired, List<UUID> alreadyGone, List<UUID> kept,
        List<Failure> failed) {

    public record Failure(UUID id, RuntimeException cause) {}

    public ExpireDueVideosResult {
        expired = List.copyOf(expired);
        alreadyGone = List.copyOf(alreadyGone);
        kept = List.copyOf(kept);
        failed = List.copyOf(failed);
    }
}
