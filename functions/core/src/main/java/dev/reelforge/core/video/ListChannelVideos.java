package dev.reelforge.core.video;

import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.render.Renders;
import java.util.List;
import java.util.Optional;

/**
 * Lists the videos of the caller's channel (its one channel per environment, {@link ChannelId}), newest first, a
 * page at a time as IBM pages them. The page is read from the channel's index; each video on it is then checked
 * against its asset ({@link VideoAssets}), so a video deleted through the Serve API is never listed, even before it
 * leaves the index. Another owner's channel, or the other environment's, is no channel of the caller's.
 */
public final class ListChannelVideos {

    private final Videos videos;
    private final VideoViews views;

    public ListChannelVideos(Videos videos, Assets assets, Renders renders) {
        this.videos = videos;
        this.views = new VideoViews(assets, renders);
    }

    public ListChannelVideosResult list(ListChannelVideosCommand command) {
        String own = ChannelId.of(command.owner(), command.environment());
        String channel = command.channel().orElse(own);
        if (!channel.equals(own)) {
            return new ListChannelVideosResult.NoSuchChannel(channel);
        }
        Videos.VideoPage page = videos.listed(channel, (command.page() - 1) * command.pageSize(), command.pageSize());
        List<VideoView> visible = page.videos().stream()
                .filter(video -> video.owner().equals(command.owner()) && video.environment() == command.environment())
                .map(views::of)
                .flatMap(Optional::stream)
                .toList();
        return new ListChannelVideosResult.Listed(channel, visible, command.page(), command.pageSize(),
                command.page() > 1, page.more());
    }
}
