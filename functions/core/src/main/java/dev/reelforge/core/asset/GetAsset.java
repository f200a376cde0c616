package dev.reelforge.core.asset;

/**
 * Reads one of the caller's assets, deleted ones included (their record stays, with status
 * {@code deleted}). Assets are kept apart by owner and by environment, like the renders they come from:
 * an asset of a stage render is not found through v1, exactly like an asset that does not exist.
 */
public final class GetAsset {

    private final Assets assets;

    public GetAsset(Assets assets) {
        this.assets = assets;
    }

    public GetAssetResult get(GetAssetCommand command) {
        return assets.find(command.owner(), command.id())
                .filter(asset -> asset.environment() == command.environment())
                .<GetAssetResult>map(GetAssetResult.Found::new)
                .orElseGet(() -> new GetAssetResult.NotFound(command.id()));
    }
}
