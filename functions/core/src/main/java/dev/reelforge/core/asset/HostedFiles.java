package dev.reelforge.core.asset;

/**
 * The hosting bucket behind the CDN, where each owner's assets are kept by filename. Deleting a file
 * that is not there is not an error, so a delete may be repeated.
 */
public interface HostedFiles {

    /** Removes the owner's hosted file; later, also asks the CDN to forget it. */
    void delete(String owner, String filename);
}
