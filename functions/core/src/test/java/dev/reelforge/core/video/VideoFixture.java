package dev.reelforge.core.video;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.InMemoryAssets;
import dev.reelforge.core.asset.InMemoryRenders;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** In-memory videos, assets and renders, a clock that can be moved, and a way to seed hosted videos. */
class VideoFixture {

    static final String OWNER = "owner1";
    static final String OTHER_OWNER = "owner2";
    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");

    final InMemoryVideos videos = new InMemoryVideos();
    final InMemoryAssets assets = new InMemoryAssets();
    final InMemoryRenders renders = new InMemoryRenders();
    final MovableClock clock = new MovableClock(Instant.parse("2026-01-03T00:00:00Z"));

    /** A done render (with {@code callback} in its edit when given) and its hosted video, added at {@code added}. */
    Video hostedVideo(String owner, Environment environment, Instant added, Optional<String> callback,
            Optional<String> length) {
        UUID renderId = UUID.randomUUID();
        var edit = Json.object();
        callback.ifPresent(url -> edit.put("callback", url));
        renders.add(new Render(renderId, owner, environment, RenderStatus.DONE, edit, CREATED, CREATED,
                Optional.empty(), Optional.of(new RenderResult("https://temp.example/" + renderId + ".mp4",
                        Optional.empty(), Optional.empty(), 3.5, 900))));
        Asset asset = readyAsset(owner, environment, renderId, ".mp4");
        Video video = Video.hosted(asset.id(), owner, environment, renderId, asset.filename(), asset.url().orElseThrow(),
                4096, length, added);
        videos.add(video);
        return video;
    }

    Video hostedVideo(String owner, Environment environment) {
        return hostedVideo(owner, environment, CREATED, Optional.empty(), Optional.of("3.5"));
    }

    /** A ready asset of the render named {@code <renderId><suffix>}. */
    Asset readyAsset(String owner, Environment environment, UUID renderId, String suffix) {
        Asset asset = Asset.importing(owner, environment, "us-east-1", renderId, renderId + suffix, CREATED);
        assets.begin(asset);
        assets.markReady(owner, asset.id(), "https://cdn.example/" + owner + "/" + asset.filename(), CREATED);
        return assets.find(owner, asset.id()).orElseThrow();
    }

    /** A clock that stays where it is put. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
