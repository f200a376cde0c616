package dev.reelforge.core.asset;

/** What removing a deleted asset's hosted file came to. */
public sealed interface RemoveHostedFileResult {

    /** The file is gone from the hosting bucket and its CDN path invalidated. */
    record Removed(AssetKey asset, String filename) implements RemoveHostedFileResult {}

    /** The asset is not deleted (an event about an earlier change): its file stays. */
    record NotDeleted(AssetKey asset, AssetStatus status) implements RemoveHostedFileResult {}

    record NotFound(AssetKey asset) implements RemoveHostedFileResult {}
}
