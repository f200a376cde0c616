package dev.reelforge.core.asset;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Remembers which assets were taken out of the listings (asset ids). */
final class RecordingAssetListings implements AssetListings {

    final List<UUID> unlisted = new ArrayList<>();

    @Override
    public void unlist(Asset deleted) {
        unlisted.add(deleted.id());
    }
}
