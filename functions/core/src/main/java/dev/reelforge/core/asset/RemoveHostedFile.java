package dev.reelforge.core.asset;

/**
 * Removes a deleted asset's hosted file: the object in the hosting bucket and, through an invalidation, the CDN's
 * copies; and its downloadable copies ({@link AssetDownloads}), so none outlives it; and it leaves the listings that
 * showed it ({@link AssetListings}). Removing is harmless to repeat
 * (a missing object is not an error), so a repeated or late event just removes again; an asset that is not deleted
 * keeps its file. The removal is recorded last, so a failure halfway leaves it due, for a retry or the sweeper.
 */
public final class RemoveHostedFile {

    private final Assets assets;
    private final HostedFiles hostedFiles;
    private final AssetDownloads downloads;
    private final AssetListings listings;

    public RemoveHostedFile(Assets assets, HostedFiles hostedFiles, AssetDownloads downloads,
            AssetListings listings) {
        this.assets = assets;
        this.hostedFiles = hostedFiles;
        this.downloads = downloads;
        this.listings = listings;
    }

    public RemoveHostedFileResult remove(RemoveHostedFileCommand command) {
        AssetKey key = new AssetKey(command.owner(), command.id());
        return assets.find(command.owner(), command.id())
                .<RemoveHostedFileResult>map(asset -> {
                    if (asset.status() != AssetStatus.DELETED) {
                        return new RemoveHostedFileResult.NotDeleted(key, asset.status());
                    }
                    hostedFiles.delete(asset.owner(), asset.filename());
                    downloads.removeAll(asset);
                    listings.unlist(asset);
                    assets.markFileRemoved(asset.owner(), asset.id());
                    return new RemoveHostedFileResult.Removed(key, asset.filename());
                })
                .orElseGet(() -> new RemoveHostedFileResult.NotFound(key));
    }
}
