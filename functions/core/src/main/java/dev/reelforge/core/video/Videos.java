package dev.reelforge.core.video;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where video records are kept, keyed by the video's (its asset's) id alone: ids are drawn from random render ids,
 * so a lookup by id finds the video whoever owns it, and the use cases tell another owner's apart. A video is
 * <em>listed</em> in its channel from its creation until it is deleted or expired through the Videos API; a video
 * whose time has come ({@link ExpirationRule.AtGivenTime} at or before now) is <em>due</em>, and no longer changes
 * its rule: it is the expiration sweep's.
 */
public interface Videos {

    /** Stores a new video, listed, unless one with its id exists: true when this call created it. */
    boolean add(Video video);

    /** The video with this id, whoever owns it (consistent read). */
    Optional<Video> find(UUID id);

    /**
     * Changes the title and/or description of the owner's video (an empty one is left as it is); false when no such
     * video is the owner's.
     */
    boolean describe(UUID id, String owner, Optional<String> title, Optional<String> description);

    /**
     * Sets the rule of the owner's video; false when no such video is the owner's, or when the video is due
     * ({@code now} is at or past its {@code expires_at}), which only the sweep then handles.
     */
    boolean setExpiration(UUID id, String owner, ExpirationRule rule, Instant now);

    /** Takes the video out of its channel's listing and out of the sweep's reach (its asset was deleted). */
    void unlist(UUID id);

    /**
     * A page of a channel's listed videos, newest first: the {@code limit} videos after the first {@code offset},
     * and whether more follow.
     */
    VideoPage listed(String channel, int offset, int limit);

    /**
     * Up to {@code limit} videos whose expiration is due at {@code now} and not yet carried out (read from an index,
     * so possibly a moment stale: {@link #claimExpiration} checks again).
     */
    List<UUID> dueBy(Instant now, int limit);

    /**
     * Marks the start of a due video's expiration, once: the time of the first claim is kept and returned by every
     * later one (a sweep that stopped halfway is carried on by the next). Empty when the video is not (or no longer)
     * due and unexpired at {@code now}: its rule was changed, or it was deleted or expired meanwhile.
     */
    Optional<Instant> claimExpiration(UUID id, Instant now);

    /** The expiration of a claimed video was carried out: it leaves the sweep's index and its channel's listing. */
    void finishExpiration(UUID id);

    /** Some of a channel's videos, and whether more follow them. */
    record VideoPage(List<Video> videos, boolean more) {

        public VideoPage {
            videos = List.copyOf(videos);
        }
    }
}
