package dev.reelforge.core.video.download;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.video.VideoAssets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes the file of a requested downloadable (what the videos flow's stream functions do, one per format) and makes
 * it available with a signed URL that expires {@code lifetime} after it became available.
 *
 * <p>Stream records arrive at least once and in any order, so the work is done only for the record that is still
 * that generation {@code pending}, and its completion is conditional on exactly that: a repeated event finds it
 * available and does nothing, an event of an older generation finds a newer one and does nothing. A generation that
 * moved on while its file was made (its video deleted, which removes its downloadables; the stuck sweep) has that
 * file deleted again, unless a concurrent delivery of the same event made it available with the same file. Its
 * video is read after the record is pending, so a video deleted before that is seen here, and one deleted after
 * has its downloadables removed by the hosting flow, which this completion then finds.
 */
public final class PrepareDownloadable {

    private final DownloadFormat format;
    private final VideoAssets videos;
    private final Downloadables downloadables;
    private final DownloadMaker maker;
    private final DownloadFiles files;
    private final DownloadUrls urls;
    private final Clock clock;
    private final Duration lifetime;

    /**
     * @param format   the one format this function makes; records of another are skipped
     * @param lifetime how long a file can be downloaded after it became available (seed 001: 24 hours)
     */
    public PrepareDownloadable(DownloadFormat format, VideoAssets videos, Downloadables downloadables,
            DownloadMaker maker, DownloadFiles files, DownloadUrls urls, Clock clock, Duration lifetime) {
        this.format = Objects.requireNonNull(format, "format");
        this.videos = videos;
        this.downloadables = downloadables;
        this.maker = maker;
        this.files = files;
        this.urls = urls;
        this.clock = clock;
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a download lives at least a second: " + lifetime);
        }
        this.lifetime = lifetime;
    }

    public PrepareDownloadableResult prepare(PrepareDownloadableCommand command) {
        DownloadableKey key = command.key();
        long generation = command.generation();
        if (key.format() != format) {
            return new PrepareDownloadableResult.Skipped(key, generation, "this function makes "
                    + format.wireName() + " files, not " + key.format().wireName());
        }
        Optional<Downloadable> current = downloadables.find(key);
        if (current.isEmpty()) {
            return new PrepareDownloadableResult.Skipped(key, generation, "no such downloadable");
        }
        Downloadable downloadable = current.get();
        if (downloadable.generation() != generation || downloadable.status() != DownloadableStatus.PENDING) {
            return new PrepareDownloadableResult.Skipped(key, generation, "the downloadable is generation "
                    + downloadable.generation() + ", " + downloadable.status().wireName());
        }
        Optional<Asset> video = videos.find(key.owner(), downloadable.environment(), key.videoId());
        if (video.isEmpty()) {
            return fail(downloadable, "the video no longer exists");
        }
        return switch (maker.make(video.get(), downloadable)) {
            case DownloadMaker.MakeOutcome.Made made -> complete(downloadable, made.bytes());
            case DownloadMaker.MakeOutcome.SourceMissing missing -> fail(downloadable, missing.reason());
            case DownloadMaker.MakeOutcome.Unconvertible unconvertible -> fail(downloadable, unconvertible.reason());
        };
    }

    private PrepareDownloadableResult complete(Downloadable downloadable, long bytes) {
        Instant availableAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // whole seconds: a signed URL's expiry and IBM's expires_at are Unix seconds
        Instant expiresAt = availableAt.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        String url = urls.urlOf(downloadable.objectKey(), expiresAt);
        DownloadableKey key = downloadable.key();
        if (downloadables.markAvailable(key, downloadable.generation(), url, availableAt, expiresAt)) {
            return new PrepareDownloadableResult.Prepared(downloadables.find(key).orElseThrow(), bytes);
        }
        Optional<Downloadable> now = downloadables.find(key);
        if (now.isPresent() && now.get().generation() == downloadable.generation()
                && now.get().status() == DownloadableStatus.AVAILABLE) {
            // a concurrent delivery of the same event made it available: the file just written is that file
            return new PrepareDownloadableResult.Skipped(key, downloadable.generation(), "made available meanwhile");
        }
        files.delete(List.of(downloadable.objectKey()));
        return new PrepareDownloadableResult.Discarded(key, downloadable.generation(),
                now.map(moved -> "generation " + moved.generation() + ", " + moved.status().wireName())
                        .orElse("gone"));
    }

    private PrepareDownloadableResult fail(Downloadable downloadable, String reason) {
        if (downloadables.markFailed(downloadable.key(), downloadable.generation(), reason, clock.instant())) {
            return new PrepareDownloadableResult.Failed(downloadable.key(), downloadable.generation(), reason);
        }
        return new PrepareDownloadableResult.Skipped(downloadable.key(), downloadable.generation(),
                "it changed meanwhile");
    }
}
