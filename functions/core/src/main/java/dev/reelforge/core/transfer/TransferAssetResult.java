package dev.reelforge.core.transfer;

import dev.reelforge.core.asset.Asset;
import java.util.UUID;

public sealed interface TransferAssetResult {

    /** The file is hosted and the asset ready. */
    record Transferred(Asset asset) implements TransferAssetResult {}

    /** The URL was refused, unreachable or too large: the asset is failed with the reason. */
    record Failed(Asset asset) implements TransferAssetResult {}

    /** A repeated delivery: the asset is finished (ready, failed or deleted) already; nothing was done. */
    record AlreadyFinished(Asset asset) implements TransferAssetResult {}

    /** The asset was deleted or failed while its file was fetched: the copy just made was removed. */
    record Discarded(Asset asset) implements TransferAssetResult {}

    /** No such asset (a record of another kind, or an event from a table that was emptied). */
    record NotFound(String owner, UUID assetId) implements TransferAssetResult {}
}
