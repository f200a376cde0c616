package dev.reelforge.core.asset;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where asset records are kept. Every read is scoped to an owner: another owner's asset is simply not
 * found. Every change is conditional and only moves an asset forward ({@link AssetStatus#canMoveTo}); a
 * duplicated or late event finds its condition false, changes nothing, and is told so by {@code false}.
 */
public interface Assets {

    /**
     * Stores a new {@code importing} asset unless one with its owner and id exists: true when this call
     * created it, false when it was already there (whatever its status now), in which case nothing changes.
     */
    boolean begin(Asset importing);

    Optional<Asset> find(String owner, UUID id);

    /** All assets of one of the owner's renders, deleted ones included, ordered by filename; empty when none. */
    List<Asset> findForRender(String owner, UUID renderId);

    /**
     * {@code importing -> ready} with its CDN URL and the hosted file's size in bytes (as the copy reported it);
     * false when the asset is missing or not importing.
     */
    boolean markReady(String owner, UUID id, String url, Optional<Long> size, Instant now);

    /** {@link #markReady(String, UUID, String, Optional, Instant)} for a file whose size is not known. */
    default boolean markReady(String owner, UUID id, String url, Instant now) {
        return markReady(owner, id, url, Optional.empty(), now);
    }

    /** {@code importing -> failed} with the reason; false when the asset is missing or not importing. */
    boolean markFailed(String owner, UUID id, String error, Instant now);

    /**
     * Any status but {@code deleted} {@code -> deleted}, its hosted file due for removal; false when the asset is
     * missing or already deleted.
     */
    boolean markDeleted(String owner, UUID id, Instant now);

    /**
     * A deleted asset's hosted file is gone: it is no longer due for removal. False when the asset is missing, not
     * deleted, or no removal was due (a repeated removal).
     */
    boolean markFileRemoved(String owner, UUID id);

    /** Assets still {@code importing} whose last change is older than {@code cutoff}, at most {@code limit}. */
    List<AssetKey> importingSince(Instant cutoff, int limit);

    /** Deleted assets whose file is still due for removal, deleted before {@code cutoff}, at most {@code limit}. */
    List<AssetKey> removalDueSince(Instant cutoff, int limit);
}
