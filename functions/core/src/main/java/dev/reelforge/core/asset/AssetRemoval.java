package dev.reelforge.core.asset;

import java.time.Clock;

/**
 * Deletes one asset: its record is marked {@code deleted} with its hosted file due for removal, which the hosting
 * flow then carries out ({@link RemoveHostedFile}, from the assets table's stream, with {@link SweepStuckAssets}
 * behind it). The API that deletes never touches the bucket or the CDN, so an API function needs neither client;
 * the file stops being served within seconds, as the CDN's own invalidation takes a while anyway.
 */
final class AssetRemoval {

    private final Assets assets;
    private final Clock clock;

    AssetRemoval(Assets assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
    }

    /** True when this call deleted the asset; false when it was (or meanwhile became) deleted already. */
    boolean remove(Asset asset) {
        return asset.status() != AssetStatus.DELETED && assets.markDeleted(asset.owner(), asset.id(), clock.instant());
    }
}
