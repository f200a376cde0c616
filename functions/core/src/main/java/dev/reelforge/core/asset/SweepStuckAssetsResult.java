package dev.reelforge.core.asset;

import java.util.List;

/** The assets this sweep failed, and the deleted ones whose overdue file removal it carried out. */
public record SweepStuckAssetsResult(List<AssetKey> failed, List<AssetKey> removed) {

    public SweepStuckAssetsResult {
        failed = List.copyOf(failed);
        removed = List.copyOf(removed);
    }
}
