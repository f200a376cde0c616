package dev.reelforge.aws.s3;

import dev.reelforge.core.pipeline.Storage;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The temporary bucket. Its render outputs are downloaded through the temporary distribution
 * ({@link dev.reelforge.aws.cloudfront.CloudFrontSignedUrls}); the bucket's lifecycle rule deletes them after a day.
 */
public final class S3Storage implements Storage {

    private final S3Client s3;
    private final String bucket;

    public S3Storage(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String put(String key, Path file, String contentType) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
        return location(key);
    }

    @Override
    public String location(String key) {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String keyOf(String location) {
        String prefix = "s3://" + bucket + "/";
        if (!location.startsWith(prefix)) {
            throw new IllegalArgumentException(location + " is not in bucket " + bucket);
        }
        return location.substring(prefix.length());
    }

    /** S3 answers a delete of a missing key with success, as the port asks. */
    @Override
    public void delete(String key) {
        s3.deleteObject(delete -> delete.bucket(bucket).key(key));
    }
}
