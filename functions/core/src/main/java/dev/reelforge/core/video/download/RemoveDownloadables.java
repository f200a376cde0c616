package dev.reelforge.core.video.download;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetDownloads;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes a deleted video's downloadables, whichever way it was deleted (Serve API, Videos API, expiration): the
 * hosting flow calls it when it removes the asset's hosted file. Each record is marked {@code removed} first, then
 * the files of every generation it had are deleted: a file still being made then finds its record removed and
 * deletes itself ({@link PrepareDownloadable}), and one made before is deleted here. A request that slipped in
 * between (a new generation) is marked too, on the next attempt.
 */
public final class RemoveDownloadables implements AssetDownloads {

    /** A record changes only when requested or finished; a few rereads outlast any such race. */
    private static final int ATTEMPTS = 5;

    private final Downloadables downloadables;
    private final DownloadFiles files;
    private final Clock clock;

    public RemoveDownloadables(Downloadables downloadables, DownloadFiles files, Clock clock) {
        this.downloadables = downloadables;
        this.files = files;
        this.clock = clock;
    }

    @Override
    public void removeAll(Asset deleted) {
        for (Downloadable downloadable : downloadables.findForVideo(deleted.owner(), deleted.id())) {
            long lastGeneration = markRemoved(downloadable);
            List<String> keys = new ArrayList<>();
            for (long generation = 1; generation <= lastGeneration; generation++) {
                keys.add(Downloadable.objectKey(downloadable.key(), generation));
            }
            files.delete(keys);
        }
    }

    /** Marks the record removed, whatever generation it reached meanwhile; returns that generation. */
    private long markRemoved(Downloadable read) {
        Downloadable current = read;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (current.status() == DownloadableStatus.REMOVED
                    || downloadables.markRemoved(current.key(), current.generation(), clock.instant())) {
                return current.generation();
            }
            Optional<Downloadable> reread = downloadables.find(current.key());
            if (reread.isEmpty()) {
                return current.generation();
            }
            current = reread.get();
        }
        throw new IllegalStateException("the downloadable " + current.key() + " kept changing while it was removed");
    }
}
