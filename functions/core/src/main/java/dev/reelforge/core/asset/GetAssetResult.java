package dev.reelforge.core.asset;

import java.util.UUID;

public sealed interface GetAssetResult {

    record Found(Asset asset) implements GetAssetResult {}

    /** No asset with this id belongs to the caller in this environment, whether or not another owner has one. */
    record NotFound(UUID id) implements GetAssetResult {}
}
