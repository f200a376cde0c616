package dev.reelforge.core.video.download;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.video.VideoAssets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks for a video's downloadable file (seed 001's POST). Only the record is written: a new generation,
 * {@code pending}, whose file the videos flow then makes from the table's stream, so the request answers at once.
 * While a generation is pending or available (not expired), asking again changes nothing and answers the same;
 * after it failed or expired, asking starts the next generation.
 *
 * <p>Concurrent requests race on one conditional write (the record as read): one stores the new generation, the
 * others read it back and answer it unchanged, so one burst of requests makes one file.
 */
public final class RequestDownloadable {

    /** Enough for any race: the loser of one finds the winner's pending generation and stops. */
    private static final int ATTEMPTS = 3;

    private final VideoAssets videos;
    private final Downloadables downloadables;
    private final Clock clock;

    public RequestDownloadable(VideoAssets videos, Downloadables downloadables, Clock clock) {
        this.videos = videos;
        this.downloadables = downloadables;
        this.clock = clock;
    }

    public RequestDownloadableResult request(RequestDownloadableCommand command) {
        Optional<Asset> video = videos.find(command.owner(), command.environment(), command.videoId());
        if (video.isEmpty()) {
            return new RequestDownloadableResult.NoSuchVideo();
        }
        Environment environment = video.get().environment();
        DownloadableKey key = new DownloadableKey(command.owner(), command.videoId(), command.format());
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Downloadable> current = downloadables.find(key);
            Instant now = clock.instant();
            if (current.isPresent() && current.get().isInProgressOrLiveAt(now)) {
                return new RequestDownloadableResult.Unchanged(current.get().viewAt(now));
            }
            long generation = current.map(previous -> previous.generation() + 1).orElse(1L);
            Downloadable pending = Downloadable.pending(key, environment, generation, now);
            if (downloadables.request(pending, current)) {
                return new RequestDownloadableResult.Requested(pending, pending.viewAt(now));
            }
        }
        throw new IllegalStateException("the downloadable " + key + " kept changing while it was requested");
    }
}
