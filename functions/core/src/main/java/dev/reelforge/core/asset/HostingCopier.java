package dev.reelforge.core.asset;

/**
 * Copies a render's output from temporary storage to the hosting bucket behind the CDN, as the owner's
 * hosted file {@code filename}; a copy made before under that name is replaced. Copying again is harmless.
 */
public interface HostingCopier {

    /**
     * @param bucket where the output is (the temporary bucket)
     * @param key    the output's key there
     * @return {@link CopyOutcome.Copied}, or {@link CopyOutcome.SourceMissing} when the output is not there
     *         (it expired or was never written): copying again would fail again
     * @throws HostingCopyFailedException when the copy failed in a way that may pass (an outage, a throttle)
     */
    CopyOutcome copy(String bucket, String key, String owner, String filename);

    sealed interface CopyOutcome {

        record Copied(long bytes, String contentType) implements CopyOutcome {}

        record SourceMissing(String bucket, String key) implements CopyOutcome {}
    }
}
