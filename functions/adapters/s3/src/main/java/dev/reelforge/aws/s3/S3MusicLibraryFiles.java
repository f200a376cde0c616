package dev.reelforge.aws.s3;

import dev.reelforge.core.project.MusicLibraryFiles;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The music library's files in the hosting bucket, at {@code library/music/{file}}. */
public final class S3MusicLibraryFiles implements MusicLibraryFiles {

    private final S3Client s3;
    private final String bucket;

    public S3MusicLibraryFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** HeadObject answers 404 for a missing key when the caller may list the bucket (the function's policy allows it). */
    @Override
    public boolean has(String file) {
        try {
            s3.headObject(head -> head.bucket(bucket).key(PREFIX + file));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Override
    public void put(String file, Path content, String contentType) {
        s3.putObject(put -> put.bucket(bucket).key(PREFIX + file).contentType(contentType)
                .cacheControl("public, max-age=86400"), RequestBody.fromFile(content));
    }
}
