package dev.reelforge.core.asset;

import java.util.List;

/** The assets this sweep failed. */
public record FailStuckAssetsResult(List<AssetKey> failed) {

    public FailStuckAssetsResult {
        failed = List.copyOf(failed);
    }
}
