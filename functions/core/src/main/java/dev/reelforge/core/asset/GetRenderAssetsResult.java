package dev.reelforge.core.asset;

import java.util.List;
import java.util.UUID;

public sealed interface GetRenderAssetsResult {

    /** The render's assets ordered by filename; empty while none has been created yet. */
    record Found(List<Asset> assets) implements GetRenderAssetsResult {

        public Found {
            assets = List.copyOf(assets);
        }
    }

    /** The caller has no such render in this environment, whether or not another owner has one. */
    record NotFound(UUID renderId) implements GetRenderAssetsResult {}
}
