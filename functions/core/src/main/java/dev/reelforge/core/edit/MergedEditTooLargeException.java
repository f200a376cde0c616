package dev.reelforge.core.edit;

/**
 * An edit's merge fields would make it larger than {@link MergeFields#MAX_MERGED_BYTES}, found where the edit
 * was expected to have passed {@link EditValidator} (which answers this with a violation of {@code merge}).
 */
public final class MergedEditTooLargeException extends RuntimeException {

    public MergedEditTooLargeException(long bytes) {
        super("merge fields would make the edit " + bytes + " bytes long, more than the "
                + MergeFields.MAX_MERGED_BYTES + " allowed");
    }
}
