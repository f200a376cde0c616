package dev.reelforge.core.video;

import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.asset.DeleteAsset;
import dev.reelforge.core.asset.DeleteAssetCommand;
import dev.reelforge.core.asset.DeleteAssetResult;
import java.time.Clock;

/**
 * Deletes one of the caller's videos: its asset is deleted exactly as the Serve API deletes one ({@link DeleteAsset}:
 * the record stays, {@code deleted}, and the hosting flow removes the file and invalidates the CDN), and the video
 * leaves its channel's listing and the expiration sweep's index. A deleted video is no video any more, so deleting it
 * again is {@link DeleteVideoResult.NotFound}, as IBM answers for a video that does not exist.
 */
public final class DeleteVideo {

    private final Videos videos;
    private final VideoLookup lookup;
    private final DeleteAsset deleteAsset;

    public DeleteVideo(Videos videos, Assets assets, Clock clock) {
        this.videos = videos;
        this.lookup = new VideoLookup(videos, assets);
        this.deleteAsset = new DeleteAsset(assets, clock);
    }

    public DeleteVideoResult delete(DeleteVideoCommand command) {
        return switch (lookup.find(command.owner(), command.environment(), command.id())) {
            case VideoLookup.Found.NotYours notYours -> new DeleteVideoResult.NotYours(command.id());
            case VideoLookup.Found.Missing missing -> new DeleteVideoResult.NotFound(command.id());
            case VideoLookup.Found.Visible visible -> {
                DeleteAssetResult deleted = deleteAsset.delete(
                        new DeleteAssetCommand(command.owner(), command.environment(), command.id()));
                // Unlisted whatever the outcome: an asset deleted meanwhile (the Serve API, a sweep) is no video either.
                videos.unlist(command.id());
                yield deleted instanceof DeleteAssetResult.Deleted
                        ? new DeleteVideoResult.Deleted(command.id())
                        : new DeleteVideoResult.NotFound(command.id());
            }
        };
    }
}
