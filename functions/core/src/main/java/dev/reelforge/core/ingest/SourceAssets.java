package dev.reelforge.core.ingest;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetId;
import dev.reelforge.core.asset.Assets;
import java.time.Clock;
import java.util.Optional;

/**
 * The stored files of a source (its own and its renditions') as Serve assets whose render is the source, so that
 * {@code GET/DELETE /serve/{v}/assets/{id}} and the hosting flow's removal work for them as for a render's files. An
 * asset's id is derived from the source and the file's name ({@link AssetId}), so recording a file again is harmless.
 */
final class SourceAssets {

    private final Assets assets;
    private final String region;
    private final Clock clock;

    SourceAssets(Assets assets, String region, Clock clock) {
        this.assets = assets;
        this.region = region;
        this.clock = clock;
    }

    /** The file {@code filename} of the source is stored and served at {@code url}. */
    void hosted(Source source, String filename, String url, Optional<Long> bytes) {
        Asset asset = Asset.importing(source.owner(), source.environment(), region, source.id(), filename,
                clock.instant());
        assets.begin(asset);
        assets.markReady(source.owner(), asset.id(), url, bytes, clock.instant());
    }

    /** The file was stored for a source deleted meanwhile (or too late to count): its asset is deleted, and so the file. */
    void discard(Source source, String filename) {
        assets.markDeleted(source.owner(), AssetId.of(source.id(), filename), clock.instant());
    }
}
