package dev.reelforge.core.video;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.Renders;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Describes a video as the Videos API shows it: with its length and its thumbnail, while it is still a video. */
final class VideoViews {

    private static final String THUMBNAIL_MARK = "-thumb.";
    private static final String POSTER_MARK = "-poster.";

    private final Assets assets;
    private final Renders renders;

    VideoViews(Assets assets, Renders renders) {
        this.assets = assets;
        this.renders = renders;
    }

    /**
     * The video with its length and thumbnail, from one read of its render's assets (and of the render itself while
     * the record has no length); empty when its asset is no longer a video.
     */
    Optional<VideoView> of(Video video) {
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
