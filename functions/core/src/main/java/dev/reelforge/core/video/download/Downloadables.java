package dev.reelforge.core.video.download;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where downloadable records are kept, one per video and format, within their owner's partition. Every change is
 * conditional on the generation (and status) it was decided on: a request that lost a race, or a late or repeated
 * event of a generation that has moved on, changes nothing and is told so by {@code false}.
 */
public interface Downloadables {

    /** The record as it stands now (a consistent read). */
    Optional<Downloadable> find(DownloadableKey key);

    /** Every format's record of one of the owner's videos. */
    List<Downloadable> findForVideo(String owner, UUID videoId);

    /**
     * Stores {@code pending}, a new generation, in place of {@code previous}: only if the record is still exactly
     * as read (absent when {@code previous} is empty; otherwise the same generation and status). False when it
     * changed meanwhile, and then nothing is stored.
     */
    boolean request(Downloadable pending, Optional<Downloadable> previous);

    /** {@code pending -> available} for that generation, with its URL; false when it is no longer pending so. */
    boolean markAvailable(DownloadableKey key, long generation, String downloadUrl, Instant availableAt,
            Instant expiresAt);

    /** {@code pending -> failed} for that generation, with the reason; false when it is no longer pending so. */
    boolean markFailed(DownloadableKey key, long generation, String error, Instant now);

    /** That generation, whatever its status but {@code removed}, {@code -> removed}; false when it changed. */
    boolean markRemoved(DownloadableKey key, long generation, Instant now);

    /** Pending records requested before {@code cutoff}, at most {@code limit}. */
    List<DownloadableKey> pendingSince(Instant cutoff, int limit);
}
