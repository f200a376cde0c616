package dev.reelforge.core.transfer;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.destination.DeliverOutputResult;
import java.util.List;
import java.util.UUID;

public sealed interface DeliverTransferResult {

    /** The asset is not (or no longer) ready: deleted, failed, or unknown; nothing was copied. */
    record NotReady(String owner, UUID assetId) implements DeliverTransferResult {}

    /** The file was sent to each s3 destination of the transfer; each delivery says how it went. */
    record Delivered(Asset asset, List<DeliverOutputResult.Delivery> deliveries) implements DeliverTransferResult {}
}
