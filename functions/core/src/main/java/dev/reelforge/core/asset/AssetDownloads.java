package dev.reelforge.core.asset;

/**
 * The downloadable copies made of an asset (the Videos API's MP4 and FLV files of a video), which must not outlive
 * it: removing them deletes their files and leaves none available. Removing again, or for an asset with none, is
 * harmless.
 */
public interface AssetDownloads {

    /** Removes every downloadable copy of the deleted asset; a failure is thrown, for the removal to be retried. */
    void removeAll(Asset deleted);
}
