package dev.reelforge.core.asset;

/**
 * Removes a deleted asset's hosted file: the object in the hosting bucket and, through an invalidation, the CDN's
 * copies. Removing is harmless to repeat (a missing object is not an error), so a repeated or late event just
 * removes again; an asset that is not deleted keeps its file.
 */
public final class RemoveHostedFile {

    private final Assets assets;
    private final HostedFiles hostedFiles;

    public RemoveHostedFile(Assets assets, HostedFiles hostedFiles) {
        this.assets = assets;
        this.hostedFiles = hostedFiles;
    }

    public RemoveHostedFileResult remove(RemoveHostedFileCommand command) {
        AssetKey key = new AssetKey(command.owner(), command.id());
        return assets.find(command.owner(), command.id())
                .<RemoveHostedFileResult>map(asset -> {
                    if (asset.status() != AssetStatus.DELETED) {
                        return new RemoveHostedFileResult.NotDeleted(key, asset.status());
                    }
                    hostedFiles.delete(asset.owner(), asset.filename());
                    assets.markFileRemoved(asset.owner(), asset.id());
                    return new RemoveHostedFileResult.Removed(key, asset.filename());
                })
                .orElseGet(() -> new RemoveHostedFileResult.NotFound(key));
    }
}
