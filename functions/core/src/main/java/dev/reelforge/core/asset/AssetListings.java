package dev.reelforge.core.asset;

/**
 * Listings that show an asset outside the Serve API (the Videos API's channel listings show a render's hosted MP4 as
 * a video): a deleted asset leaves them, so their pages count only what is still there. Taking out an asset that is
 * not listed, or again, is harmless.
 */
public interface AssetListings {

    /** Takes the deleted asset out of every listing; a failure is thrown, for the removal to be retried. */
    void unlist(Asset deleted);
}
