package dev.reelforge.core.video.download;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.InMemoryAssets;
import dev.reelforge.core.video.VideoAssets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/** Videos, downloadables and temporary storage in memory, on a clock that moves when told. */
final class DownloadFixture {

    static final String OWNER = "owner1";
    static final String OTHER_OWNER = "owner2";
    static final Instant START = Instant.parse("2026-03-01T10:00:00.250Z");
    static final Duration LIFETIME = Duration.ofHours(24);

    final InMemoryAssets assets = new InMemoryAssets();
    final VideoAssets videos = new VideoAssets(assets);
    final InMemoryDownloadables downloadables = new InMemoryDownloadables();
    final RecordingDownloadFiles files = new RecordingDownloadFiles();
    final MovableClock clock = new MovableClock(START);

    /** A ready video (a render's hosted MP4) of the owner in the environment. */
    Asset video(String owner, Environment environment) {
        UUID render = UUID.randomUUID();
        Asset asset = Asset.importing(owner, environment, "us-east-1", render, render + ".mp4", START);
        assets.begin(asset);
        assets.markReady(owner, asset.id(), "https://cdn.example/" + owner + "/" + asset.filename(), START);
        return assets.find(owner, asset.id()).orElseThrow();
    }

    RequestDownloadable requester() {
        return new RequestDownloadable(videos, downloadables, clock);
    }

    GetDownloadable reader() {
        return new GetDownloadable(videos, downloadables, clock);
    }

    PrepareDownloadable preparer(DownloadFormat format) {
        return new PrepareDownloadable(format, videos, downloadables, files, files, files, clock, LIFETIME);
    }

    RemoveDownloadables remover() {
        return new RemoveDownloadables(downloadables, files, clock);
    }

    RequestDownloadableResult request(Asset video, DownloadFormat format) {
        return requester().request(new RequestDownloadableCommand(video.owner(), video.environment(), video.id(),
                format));
    }

    DownloadableView get(Asset video, DownloadFormat format) {
        GetDownloadableResult result = reader().get(new GetDownloadableCommand(video.owner(), video.environment(),
                video.id(), format));
        return ((GetDownloadableResult.Shown) result).view();
    }

    /** Requests and prepares a downloadable; returns it available. */
    Downloadable available(Asset video, DownloadFormat format) {
        Downloadable pending = ((RequestDownloadableResult.Requested) request(video, format)).downloadable();
        PrepareDownloadableResult result = preparer(format)
                .prepare(new PrepareDownloadableCommand(pending.key(), pending.generation()));
        return ((PrepareDownloadableResult.Prepared) result).downloadable();
    }

    /** A clock that stands still until moved forward. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
