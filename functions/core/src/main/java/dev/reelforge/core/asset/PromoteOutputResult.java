package dev.reelforge.core.asset;

import java.util.UUID;

public sealed interface PromoteOutputResult {

    /** This delivery copied the output and made its asset {@code ready}. */
    record Promoted(Asset asset) implements PromoteOutputResult {}

    /** An earlier delivery already finished the asset (ready, failed or deleted); nothing was done. */
    record AlreadyFinished(Asset asset) implements PromoteOutputResult {}

    /**
     * The output was copied, but meanwhile its asset was deleted (or failed by the sweeper), so the copy
     * was removed again rather than left in the hosting bucket with no asset to delete it by.
     */
    record Discarded(Asset asset) implements PromoteOutputResult {}

    /** The output is gone from temporary storage, so it can never be copied: its asset is {@code failed}. */
    record Failed(Asset asset) implements PromoteOutputResult {}

    /** The render's edit excludes the hosting destination: no asset. */
    record Skipped(UUID renderId, String filename) implements PromoteOutputResult {}

    /**
     * The render was cancelled: the output is not hosted, and an asset begun for it before the cancel was seen is
     * deleted.
     */
    record Cancelled(UUID renderId, String filename) implements PromoteOutputResult {}

    /** The object is no output of a known render (an intermediate, a by-product, another render's leftovers). */
    record Ignored(String reason) implements PromoteOutputResult {}
}
