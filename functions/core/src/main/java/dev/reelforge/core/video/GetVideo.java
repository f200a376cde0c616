package dev.reelforge.core.video;

import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.render.Renders;

/**
 * Reads one of the caller's videos with its length and thumbnail. Another owner's video is answered as one that
 * does not exist (IBM documents only {@code not_found} for reading a video).
 */
public final class GetVideo {

    private final VideoLookup lookup;
    private final VideoViews views;

    public GetVideo(Videos videos, Assets assets, Renders renders) {
        this.lookup = new VideoLookup(videos, assets);
        this.views = new VideoViews(assets, renders);
    }

    public GetVideoResult get(GetVideoCommand command) {
        if (lookup.find(command.owner(), command.environment(), command.id()) instanceof VideoLookup.Found.Visible(
                Video video)) {
            return views.of(video).<GetVideoResult>map(GetVideoResult.Found::new)
                    .orElseGet(() -> new GetVideoResult.NotFound(command.id()));
        }
        return new GetVideoResult.NotFound(command.id());
    }
}
