package dev.reelforge.core.asset;

import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** In-memory assets, renders and hosted files, and a way to seed them, for the asset use cases' tests. */
class AssetFixture {

    static final String OWNER = "owner1";
    static final String OTHER_OWNER = "owner2";
    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");
    static final Instant NOW = Instant.parse("2026-01-03T00:00:00.000Z");

    final InMemoryAssets assets = new InMemoryAssets();
    final InMemoryRenders renders = new InMemoryRenders();
    final RecordingHostedFiles hostedFiles = new RecordingHostedFiles();
    final RecordingAssetDownloads downloads = new RecordingAssetDownloads();
    final RecordingAssetListings listings = new RecordingAssetListings();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    UUID render(String owner, Environment environment) {
        UUID id = UUID.randomUUID();
        renders.add(new Render(id, owner, environment, RenderStatus.DONE, Json.object(), CREATED, CREATED,
                Optional.empty(), Optional.empty()));
        return id;
    }

    /** A ready asset of the render, named {@code <renderId><suffix>}. */
    Asset asset(String owner, Environment environment, UUID renderId, String suffix) {
        Asset asset = Asset.importing(owner, environment, "us-east-1", renderId, renderId + suffix, CREATED);
        assets.begin(asset);
        assets.markReady(owner, asset.id(), "https://cdn.example/" + owner + "/" + asset.filename(), CREATED);
        return assets.find(owner, asset.id()).orElseThrow();
    }
}
