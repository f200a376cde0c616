package dev.reelforge.aws.s3;

import dev.reelforge.core.pipeline.Storage;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The temporary bucket. Temporary URLs are presigned GETs valid for a day, the life of a render's
 * outputs (the bucket's lifecycle rule deletes them after that).
 */
public final class S3Storage implements Storage {

    static final Duration URL_VALIDITY = Duration.ofHours(24);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3Storage(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public String put(String key, Path file, String contentType) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
        return location(key);
    }

    @Override
    public String temporaryUrl(String key) {
        return presigner.presignGetObject(presign -> presign.signatureDuration(URL_VALIDITY)
                        .getObjectRequest(get -> get.bucket(bucket).key(key)))
                .url().toString();
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
}
