package dev.reelforge.aws.s3;

import dev.reelforge.core.asset.HostedFiles;
import java.util.UUID;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The hosting bucket behind the CDN. Each owner's files are kept at {@code {owner}/{filename}} (see
 * {@link #key}) and served by the hosting distribution at the same path. Deleting a file deletes the object
 * (which succeeds for a key that does not exist, as S3's DeleteObject does) and invalidates its path in the
 * distribution, so edge caches stop serving it too.
 */
public final class S3HostedFiles implements HostedFiles {

    private final S3Client s3;
    private final String bucket;
    private final CloudFrontClient cloudFront;
    private final String distributionId;

    public S3HostedFiles(S3Client s3, String bucket, CloudFrontClient cloudFront, String distributionId) {
        this.s3 = s3;
        this.bucket = bucket;
        this.cloudFront = cloudFront;
        this.distributionId = distributionId;
    }

    /** Where an owner's hosted file is kept in the hosting bucket; the copying side writes it here. */
    public static String key(String owner, String filename) {
        return owner + "/" + filename;
    }

    /** The path of an owner's hosted file on the hosting distribution (its origin is the bucket's root). */
    public static String path(String owner, String filename) {
        return "/" + key(owner, filename);
    }

    @Override
    public void delete(String owner, String filename) {
        s3.deleteObject(delete -> delete.bucket(bucket).key(key(owner, filename)));
        // A retried delete invalidates again rather than being taken for the first request: each call is new.
        cloudFront.createInvalidation(invalidation -> invalidation.distributionId(distributionId)
                .invalidationBatch(batch -> batch.callerReference(UUID.randomUUID().toString())
                        .paths(paths -> paths.quantity(1).items(path(owner, filename)))));
    }
}
