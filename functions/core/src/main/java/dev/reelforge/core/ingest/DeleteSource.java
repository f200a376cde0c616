package dev.reelforge.core.ingest;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.Assets;
import java.time.Clock;
import java.util.Optional;

/**
 * Deletes one of the caller's sources: its record stays, {@code deleted} with its renditions, and its stored file and
 * each rendition's (Serve assets whose render is the source) are deleted as assets, so the hosting flow removes them
 * from the bucket and the CDN. An import or a job that stores a file after this finds the source deleted and deletes
 * that file's asset too ({@link SourceAssets#discardIfDeleted}). Deleting again changes nothing.
 */
public final class DeleteSource {

    private final Sources sources;
    private final Assets assets;
    private final Clock clock;

    public DeleteSource(Sources sources, Assets assets, Clock clock) {
        this.sources = sources;
        this.assets = assets;
        this.clock = clock;
    }

    public DeleteSourceResult delete(SourceLookup lookup) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Source> found = sources.find(lookup.owner(), lookup.id())
                    .filter(source -> source.environment() == lookup.environment());
            if (found.isEmpty()) {
                return new DeleteSourceResult.NotFound();
            }
            Source source = found.get();
            if (source.status() == SourceStatus.DELETED) {
                deleteAssets(source);
                return new DeleteSourceResult.Deleted(source);
            }
            Source deleted = source.deleted(clock.instant());
            if (sources.replace(source, deleted)) {
                deleteAssets(deleted);
                return new DeleteSourceResult.Deleted(deleted);
            }
        }
        throw new IllegalStateException("source " + lookup.id() + " kept changing while being deleted");
    }

    private void deleteAssets(Source source) {
        for (Asset asset : assets.findForRender(source.owner(), source.id())) {
            if (asset.status() != AssetStatus.DELETED) {
                assets.markDeleted(asset.owner(), asset.id(), clock.instant());
            }
        }
    }
}
