package dev.reelforge.aws.s3;

import dev.reelforge.core.asset.HostedFiles;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The hosting bucket behind the CDN. Each owner's files are kept at {@code {owner}/{filename}} (see
 * {@link #key}); deleting a key that does not exist succeeds, as S3's DeleteObject does.
 */
public final class S3HostedFiles implements HostedFiles {

    private final S3Client s3;
    private final String bucket;

    public S3HostedFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Where an owner's hosted file is kept in the hosting bucket; the copying side writes it here. */
    public static String key(String owner, String filename) {
        return owner + "/" + filename;
    }

    @Override
    public void delete(String owner, String filename) {
        s3.deleteObject(delete -> delete.bucket(bucket).key(key(owner, filename)));
    }
}
