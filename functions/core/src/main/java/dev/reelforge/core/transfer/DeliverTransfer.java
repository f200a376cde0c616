package dev.reelforge.core.transfer;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.destination.DeliverOutputResult;
import dev.reelforge.core.destination.DestinationCopier;
import dev.reelforge.core.destination.S3Destination;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends a transferred file, once its asset is {@code ready}, to each {@code s3} destination of its transfer: the
 * owner's bucket, at {@code prefix/filename} (the asset id replaced by {@code filename}, the extension kept) with
 * its canned ACL, through the same {@link DestinationCopier} as a render's outputs.
 *
 * <p>Deliveries come at least once: a repeat copies again and writes the same object. A bucket that refuses is a
 * {@link DeliverOutputResult.Delivery#refused() refused} delivery (logged, not retried: retrying cannot help); a
 * failure that may pass throws, to be retried. An asset deleted or failed meanwhile is not delivered.
 */
public final class DeliverTransfer {

    private final Assets assets;
    private final DestinationCopier copier;
    private final String hostingBucket;

    /** {@code hostingBucket}: where hosted files are kept, each owner's as {@code {owner}/{filename}}. */
    public DeliverTransfer(Assets assets, DestinationCopier copier, String hostingBucket) {
        this.assets = assets;
        this.copier = copier;
        this.hostingBucket = hostingBucket;
    }

    public DeliverTransferResult deliver(DeliverTransferCommand command) {
        Optional<Asset> found = assets.find(command.owner(), command.assetId());
        if (found.isEmpty() || found.get().status() != AssetStatus.READY) {
            return new DeliverTransferResult.NotReady(command.owner(), command.assetId());
        }
        Asset asset = found.get();
        List<DeliverOutputResult.Delivery> deliveries = new ArrayList<>();
        for (S3Destination destination : command.destinations()) {
            String key = destination.keyFor(asset.filename(), asset.id());
            deliveries.add(new DeliverOutputResult.Delivery(destination, copier.copy(hostingBucket,
                    asset.owner() + "/" + asset.filename(), asset.owner(), destination, key)));
        }
        return new DeliverTransferResult.Delivered(asset, List.copyOf(deliveries));
    }
}
