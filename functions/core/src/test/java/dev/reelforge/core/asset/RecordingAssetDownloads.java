package dev.reelforge.core.asset;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Remembers whose downloadable copies were removed (asset ids); can be made to fail. */
final class RecordingAssetDownloads implements AssetDownloads {

    final List<UUID> removed = new ArrayList<>();
    RuntimeException failure;

    @Override
    public void removeAll(Asset deleted) {
        if (failure != null) {
            throw failure;
        }
        removed.add(deleted.id());
    }
}
