package dev.reelforge.local.s3;

/**
 * The object writes of the embedded S3, as work that judges objects by their time (lifecycle rules) needs to
 * know them: an object's time is set from the stack's clock just after its bytes land, so for a moment a new
 * object shows the real time, which may look days old to an advanced clock. Such work takes a mark before it
 * lists objects and leaves alone any object written since.
 */
public interface ObjectWrites {

    /** A point in time to ask {@link #writtenSince} about; take it before listing. */
    long mark();

    /**
     * Whether {@code key} (or a multipart upload of it) was being written at {@code mark} or has been written
     * since, so a listing taken after the mark may show it with a time that is not its own.
     */
    boolean writtenSince(long mark, String bucket, String key);
}
