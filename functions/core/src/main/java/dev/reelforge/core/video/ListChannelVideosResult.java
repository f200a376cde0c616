package dev.reelforge.core.video;

import java.util.List;

public sealed interface ListChannelVideosResult {

    /**
     * One page of the channel's videos, newest first, with whether pages come before and after it. A page may hold
     * fewer than its size when videos of it were deleted through the Serve API a moment ago.
     */
    record Listed(String channel, List<VideoView> videos, int page, int pageSize, boolean previous, boolean next)
            implements ListChannelVideosResult {

        public Listed {
            videos = List.copyOf(videos);
        }
    }

    /** The path names no channel of the caller's in this environment. */
    record NoSuchChannel(String channel) implements ListChannelVideosResult {}
}
