package dev.reelforge.core.asset;

import java.util.UUID;

public sealed interface DeleteRenderAssetsResult {

    /** The render's assets are all deleted now; {@code count} of them by this call (0 when none was left). */
    record Deleted(UUID renderId, int count) implements DeleteRenderAssetsResult {}

    /** The caller has no such render in this environment, whether or not another owner has one. */
    record NotFound(UUID renderId) implements DeleteRenderAssetsResult {}
}
