package dev.reelforge.core.asset;

import java.time.Clock;

/**
 * Deletes one asset: its hosted file first, then its record is marked {@code deleted}. In that order a
 * failure between the two leaves an asset that still says it is there and can be deleted again (deleting
 * a missing file is harmless), never a record that says deleted over a file still being served.
 */
final class AssetRemoval {

    private final Assets assets;
    private final HostedFiles hostedFiles;
    private final Clock clock;

    AssetRemoval(Assets assets, HostedFiles hostedFiles, Clock clock) {
        this.assets = assets;
        this.hostedFiles = hostedFiles;
        this.clock = clock;
    }

    /** True when this call deleted the asset; false when it was (or meanwhile became) deleted already. */
    boolean remove(Asset asset) {
        if (asset.status() == AssetStatus.DELETED) {
            return false;
        }
        hostedFiles.delete(asset.owner(), asset.filename());
        return assets.markDeleted(asset.owner(), asset.id(), clock.instant());
    }
}
