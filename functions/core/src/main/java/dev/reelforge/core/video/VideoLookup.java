package dev.reelforge.core.video;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Assets;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds a video as a caller may see it, the one rule every use case of the Videos API applies: the caller's own
 * video in the caller's environment whose asset is still a video ({@link VideoAssets}) is visible; another owner's
 * video that is still a video is <em>not yours</em> (IBM answers {@code lack_of_ownership} where it documents it);
 * anything else (unknown, deleted, expired, the other environment's) is missing.
 */
final class VideoLookup {

    sealed interface Found {

        record Visible(Video video) implements Found {}

        record NotYours() implements Found {}

        record Missing() implements Found {}
    }

    private final Videos videos;
    private final VideoAssets videoAssets;

    VideoLookup(Videos videos, Assets assets) {
        this.videos = videos;
        this.videoAssets = new VideoAssets(assets);
    }

    Found find(String owner, Environment environment, UUID id) {
        Optional<Video> found = videos.find(id);
        if (found.isEmpty()) {
            return new Found.Missing();
        }
        Video video = found.get();
        if (!video.owner().equals(owner)) {
            return videoAssets.find(video.owner(), video.environment(), id).isPresent()
                    ? new Found.NotYours() : new Found.Missing();
        }
        return video.environment() == environment && videoAssets.find(owner, environment, id).isPresent()
                ? new Found.Visible(video) : new Found.Missing();
    }
}
