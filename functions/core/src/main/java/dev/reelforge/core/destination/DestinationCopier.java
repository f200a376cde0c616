package dev.reelforge.core.destination;

/**
 * Copies a render output into an owner's bucket. Copying again writes the same object (same key, same bytes), so a
 * repeated delivery is harmless. A failure that may pass (an outage, throttling) throws
 * {@link DestinationCopyFailedException}, to be retried by redelivery.
 */
public interface DestinationCopier {

    Delivery copy(String sourceBucket, String sourceKey, String owner, S3Destination destination, String key);

    sealed interface Delivery {

        /** The object is in the owner's bucket. */
        record Delivered(String bucket, String key, long bytes) implements Delivery {}

        /**
         * The owner's bucket or account refused it (no such bucket, access denied, an ACL the bucket does not
         * allow) or the output is gone: retrying cannot help.
         */
        record Refused(String bucket, String key, String reason) implements Delivery {}
    }
}
