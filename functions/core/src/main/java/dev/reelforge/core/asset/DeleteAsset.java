package dev.reelforge.core.asset;

import java.time.Clock;

/**
 * Deletes one of the caller's assets: the record stays with status {@code deleted}, and the hosted file goes (see
 * {@link AssetRemoval}).
 * Deleting it again changes nothing. Another owner's asset, or one of another environment, is not found.
 */
public final class DeleteAsset {

    private final Assets assets;
    private final AssetRemoval removal;

    public DeleteAsset(Assets assets, Clock clock) {
        this.assets = assets;
        this.removal = new AssetRemoval(assets, clock);
    }

    public DeleteAssetResult delete(DeleteAssetCommand command) {
        return assets.find(command.owner(), command.id())
                .filter(asset -> asset.environment() == command.environment())
                .<DeleteAssetResult>map(asset -> removal.remove(asset)
                        ? new DeleteAssetResult.Deleted(asset.id())
                        : new DeleteAssetResult.AlreadyDeleted(asset.id()))
                .orElseGet(() -> new DeleteAssetResult.NotFound(command.id()));
    }
}
