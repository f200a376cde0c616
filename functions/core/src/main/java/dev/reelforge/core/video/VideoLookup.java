package dev.reelforge.core.video;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.Renders;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds a video as a caller may see it, the one rule every use case of the Videos API applies: the caller's own
 * video in the caller's environment whose asset is still a video ({@link VideoAssets}) is visible; another owner's
 * video that is still a video is <em>not yours</em> (IBM answers {@code lack_of_ownership} where it documents it);
 * anything else (unknown, deleted, expired, the other environment's) is missing.
 */
final class VideoLookup {

    private static final String THUMBNAIL_MARK = "-thumb.";
    private static final String POSTER_MARK = "-poster.";

    sealed interface Found {

        record Visible(Video video) implements Found {}

        record NotYours() implements Found {}

        record Missing() implements Found {}
    }

    private final Videos videos;
    private final Assets assets;
    private final VideoAssets videoAssets;
    private final Renders renders;

    VideoLookup(Videos videos, Assets assets, Renders renders) {
        this.videos = videos;
        this.assets = assets;
        this.videoAssets = new VideoAssets(assets);
        this.renders = renders;
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

    /**
     * The video with its length and thumbnail, from one read of its render's assets (and of the render itself while
     * the record has no length); empty when its asset is no longer a video.
     */
    Optional<VideoView> view(Video video) {
        List<Asset> renderAssets = assets.findForRender(video.owner(), video.renderId());
        boolean visible = renderAssets.stream()
                .filter(asset -> asset.id().equals(video.id()))
                .anyMatch(asset -> asset.environment() == video.environment() && VideoAssets.isVideo(asset));
        if (!visible) {
            return Optional.empty();
        }
        Optional<String> thumbnail = capture(renderAssets, video.renderId() + THUMBNAIL_MARK)
                .or(() -> capture(renderAssets, video.renderId() + POSTER_MARK));
        return Optional.of(new VideoView(video, video.length().or(() -> lengthFromRender(video)), thumbnail));
    }

    private static Optional<String> capture(List<Asset> renderAssets, String prefix) {
        return renderAssets.stream()
                .filter(asset -> asset.status() == AssetStatus.READY && asset.filename().startsWith(prefix))
                .min(Comparator.comparing(Asset::filename))
                .flatMap(Asset::url);
    }

    /** The render reports its file's length when it is done, which may be after the file was hosted. */
    private Optional<String> lengthFromRender(Video video) {
        return renders.find(video.owner(), video.renderId())
                .flatMap(Render::result)
                .filter(result -> result.duration() > 0)
                .map(result -> Video.lengthOf(result.duration()));
    }
}
