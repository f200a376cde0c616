package dev.reelforge.aws.s3;

import dev.reelforge.core.asset.HostingCopier;
import dev.reelforge.core.asset.HostingCopyFailedException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Copies outputs into the hosting bucket, at {@link S3HostedFiles#key} {@code {owner}/{filename}}, server side
 * (no byte passes through the function; {@link S3ServerSideCopy}: one CopyObject below
 * {@link Multipart#threshold()}, a multipart copy of {@link Multipart#parallelParts()} parts at a time at or above
 * it, each conditional on the source's ETag). A multipart copy that fails is aborted; one that dies with the
 * function is cleaned up by the hosting bucket's lifecycle rule (AbortIncompleteMultipartUpload, one day).
 *
 * <p>Hosted files get the source's content type and {@value #CACHE_CONTROL}: a hosted file never changes under
 * its name (render ids are unique), but it may be deleted, and a day is the longest a CDN edge or a browser
 * may go on serving a deleted file without asking again.
 *
 * <p>A missing source (404, NoSuchKey) is {@link CopyOutcome.SourceMissing}: it is gone for good (the
 * temporary bucket expired it). Any other failure of the SDK or S3 is {@link HostingCopyFailedException}, to
 * be retried. S3 answers 403 rather than 404 for a missing key to a caller without s3:ListBucket, so the
 * function's role has that on the temporary bucket (template.yaml).
 */
public final class S3HostingCopier implements HostingCopier {

    static final String CACHE_CONTROL = "public, max-age=86400";
    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    static final long MIB = 1024 * 1024;
    /** S3's limits: at most 10,000 parts of 5 MiB to 5 GiB each (the last may be smaller); CopyObject up to 5 GiB. */
    static final int MAX_PARTS = 10_000;
    static final long MIN_PART_SIZE = 5 * MIB;
    static final long MAX_PART_SIZE = 5 * 1024 * MIB;
    static final long MAX_COPY_OBJECT_SIZE = 5 * 1024 * MIB;

    /**
     * When and how to copy in parts.
     *
     * @param threshold     objects of this size or more are copied in parts (at most 5 GiB, CopyObject's limit)
     * @param partSize      the size of each part but the last (5 MiB to 5 GiB); raised for an object that would
     *                      need more than 10,000 parts
     * @param parallelParts how many parts are copied at once
     */
    public record Multipart(long threshold, long partSize, int parallelParts) {

        /**
         * 100 MiB: below it one CopyObject is one request, which S3 finishes in about a second, while a multipart
         * copy takes at least three requests (create, a part, complete) and an abort path; above it, S3 copies
         * parts in parallel and a single CopyObject of several GB can run for minutes (AWS advises multipart
         * from about 100 MB). Parts of 64 MiB: a 1 GiB output is 16 parts, 8 at once, each a request of a second
         * or two; 10,000 of them reach 625 GiB, far past any render.
         */
        public static final Multipart DEFAULT = new Multipart(100 * MIB, 64 * MIB, 8);

        public Multipart {
            if (threshold < 1 || threshold > MAX_COPY_OBJECT_SIZE) {
                throw new IllegalArgumentException("threshold must be 1 byte to 5 GiB: " + threshold);
            }
            if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
                throw new IllegalArgumentException("partSize must be 5 MiB to 5 GiB: " + partSize);
            }
            if (parallelParts < 1) {
                throw new IllegalArgumentException("parallelParts must be positive: " + parallelParts);
            }
        }

        /** The part size for an object of {@code size} bytes: {@link #partSize}, or more to stay within 10,000 parts. */
        long partSizeFor(long size) {
            long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
            long rounded = (needed + MIB - 1) / MIB * MIB;
            return Math.max(partSize, rounded);
        }
    }

    private final String hostingBucket;
    private final S3ServerSideCopy serverSideCopy;

    public S3HostingCopier(S3Client s3, String hostingBucket) {
        this(s3, hostingBucket, Multipart.DEFAULT);
    }

    public S3HostingCopier(S3Client s3, String hostingBucket, Multipart multipart) {
        this.hostingBucket = hostingBucket;
        this.serverSideCopy = new S3ServerSideCopy(s3, multipart);
    }

    @Override
    public CopyOutcome copy(String bucket, String key, String owner, String filename) {
        String target = S3HostedFiles.key(owner, filename);
        try {
            S3ServerSideCopy.Copied copied = serverSideCopy.copy(bucket, key, new S3ServerSideCopy.Target(
                    hostingBucket, target, Optional.empty(), Optional.of(CACHE_CONTROL), Optional.empty()));
            return new CopyOutcome.Copied(copied.size(), copied.contentType());
        } catch (NoSuchKeyException gone) {
            return new CopyOutcome.SourceMissing(bucket, key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return new CopyOutcome.SourceMissing(bucket, key);
            }
            throw failed(bucket, key, target, e);
        } catch (SdkException e) {
            throw failed(bucket, key, target, e);
        }
    }

    private HostingCopyFailedException failed(String bucket, String key, String target, Exception cause) {
        return new HostingCopyFailedException("copying s3://" + bucket + "/" + key + " to s3://" + hostingBucket + "/"
                + target + " failed: " + cause.getMessage(), cause);
    }
}
