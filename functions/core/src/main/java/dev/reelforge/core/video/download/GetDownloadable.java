package dev.reelforge.core.video.download;

import dev.reelforge.core.video.VideoAssets;
import java.time.Clock;

/**
 * Reads a downloadable as the Videos API shows it: {@code unavailable} before any request and once its URL expired
 * (or it failed), {@code pending} while its file is made, {@code available} with its URL until {@code expires_at}.
 */
public final class GetDownloadable {

    private final VideoAssets videos;
    private final Downloadables downloadables;
    private final Clock clock;

    public GetDownloadable(VideoAssets videos, Downloadables downloadables, Clock clock) {
        this.videos = videos;
        this.downloadables = downloadables;
        this.clock = clock;
    }

    public GetDownloadableResult get(GetDownloadableCommand command) {
        if (videos.find(command.owner(), command.environment(), command.videoId()).isEmpty()) {
            return new GetDownloadableResult.NoSuchVideo();
        }
        DownloadableKey key = new DownloadableKey(command.owner(), command.videoId(), command.format());
        return new GetDownloadableResult.Shown(downloadables.find(key)
                .map(downloadable -> downloadable.viewAt(clock.instant()))
                .orElse(DownloadableView.UNAVAILABLE));
    }
}
