package dev.reelforge.core.video;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.Assets;
import java.util.Optional;
import java.util.UUID;

/**
 * Which assets the Videos API (IBM's dialect) shows as videos: the hosted MP4 of a render ({@code {renderId}.mp4}),
 * once ready and until deleted, to its owner in its environment. A video's id is its asset's id, so the same record
 * is reachable through the Serve API too. Everything else (another owner's, another environment's, a poster, a
 * deleted or failed asset) is no video here.
 */
public final class VideoAssets {

    private static final String VIDEO_EXTENSION = ".mp4";

    private final Assets assets;

    public VideoAssets(Assets assets) {
        this.assets = assets;
    }

    public Optional<Asset> find(String owner, Environment environment, UUID id) {
        return assets.find(owner, id)
                .filter(asset -> asset.environment() == environment)
                .filter(VideoAssets::isVideo);
    }

    /** Whether an asset is a video as the Videos API sees it: a render's hosted MP4, ready. */
    public static boolean isVideo(Asset asset) {
        return asset.status() == AssetStatus.READY && isVideoFile(asset);
    }

    /** Whether an asset hosts (or is to host) a render's video file, {@code {renderId}.mp4}, whatever its status. */
    public static boolean isVideoFile(Asset asset) {
        return asset.filename().equals(asset.renderId() + VIDEO_EXTENSION);
    }
}
