package dev.reelforge.core.asset;

/**
 * Copying an output to the hosting bucket failed in a way that may pass (the storage was unavailable,
 * throttled, or the call timed out). The asset stays {@code importing}; the event is delivered again and
 * the next delivery copies again.
 */
public final class HostingCopyFailedException extends RuntimeException {

    public HostingCopyFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
