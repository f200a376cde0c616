package dev.reelforge.core.video.download;

import dev.reelforge.core.asset.Asset;

/**
 * Makes the file of a downloadable, in one format, from its video's hosted file, and writes it to temporary storage
 * at {@link Downloadable#objectKey()}, to be saved as {@link Downloadable#attachmentName()}. Writing the same
 * generation again writes the same file. Failures that may pass (an outage) are thrown, for the event to be
 * delivered again.
 */
public interface DownloadMaker {

    MakeOutcome make(Asset video, Downloadable downloadable);

    sealed interface MakeOutcome {

        /** The file is in temporary storage. */
        record Made(long bytes) implements MakeOutcome {}

        /** The hosted file is gone (its video was deleted meanwhile). */
        record SourceMissing(String reason) implements MakeOutcome {}

        /** The hosted file cannot be made into this format; {@code reason} is for the logs. */
        record Unconvertible(String reason) implements MakeOutcome {}
    }
}
