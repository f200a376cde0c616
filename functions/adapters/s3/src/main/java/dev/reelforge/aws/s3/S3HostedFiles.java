package dev.reelforge.aws.s3;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * The hosting bucket behind the CDN. Each owner's files are kept at {@code {owner}/{filename}} (see {@link #key})
 * and served by the hosting distribution at the same path ({@link #path}). Deleting a file deletes the object,
 * which succeeds for a key that does not exist, as S3's DeleteObject does.
 */
public final class S3HostedFiles {

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

    /** The path of an owner's hosted file on the hosting distribution (its origin is the bucket's root). */
    public static String path(String owner, String filename) {
        return "/" + key(owner, filename);
    }

    public void delete(String owner, String filename) {
        s3.deleteObject(delete -> delete.bucket(bucket).key(key(owner, filename)));
    }
}
