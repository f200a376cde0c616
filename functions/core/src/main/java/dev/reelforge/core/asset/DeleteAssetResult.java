package dev.reelforge.core.asset;

import java.util.UUID;

public sealed interface DeleteAssetResult {

    /** This call removed the hosted file and marked the asset deleted. */
    record Deleted(UUID id) implements DeleteAssetResult {}

    /** The asset had been deleted before; nothing changed. */
    record AlreadyDeleted(UUID id) implements DeleteAssetResult {}

    /** No asset with this id belongs to the caller in this environment, whether or not another owner has one. */
    record NotFound(UUID id) implements DeleteAssetResult {}
}
