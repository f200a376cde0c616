package dev.reelforge.local.s3;

import java.time.Instant;

/**
 * An object S3Proxy has just written through a request that creates objects.
 *
 * @param eTag      as S3 reports it in events: without quotes ({@code <md5>} or {@code <md5>-<parts>})
 * @param time      when the write finished, by the stack's clock: the object's LastModified
 * @param sequencer hexadecimal, greater for a later write of the same key (as S3's event sequencer)
 */
public record ObjectCreated(String bucket, String key, Kind kind, long size, String eTag, Instant time,
        String sequencer) {

    /** The request that created the object, named as S3 names its event. */
    public enum Kind {
        PUT("ObjectCreated:Put"),
        COPY("ObjectCreated:Copy"),
        COMPLETE_MULTIPART_UPLOAD("ObjectCreated:CompleteMultipartUpload");

        private final String eventName;

        Kind(String eventName) {
            this.eventName = eventName;
        }

        /** The record's {@code eventName}, such as {@code ObjectCreated:Put}. */
        public String eventName() {
            return eventName;
        }
    }
}
