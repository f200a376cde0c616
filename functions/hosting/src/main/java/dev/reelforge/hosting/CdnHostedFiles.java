package dev.reelforge.hosting;

import dev.reelforge.aws.cloudfront.CloudFrontInvalidations;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.core.asset.HostedFiles;
import dev.reelforge.runtime.FunctionEnvironment;

/**
 * Hosted files as users reach them: objects of the hosting bucket behind the hosting distribution. Deleting one
 * deletes the object, then invalidates its path, so edge caches stop serving it too.
 */
public final class CdnHostedFiles implements HostedFiles {

    private final S3HostedFiles bucket;
    private final CloudFrontInvalidations distribution;

    public CdnHostedFiles(S3HostedFiles bucket, CloudFrontInvalidations distribution) {
        this.bucket = bucket;
        this.distribution = distribution;
    }

    public static CdnHostedFiles of(S3Buckets buckets, FunctionEnvironment environment) {
        return new CdnHostedFiles(buckets.hostedFiles(), CloudFrontInvalidations.ofHosting(environment));
    }

    @Override
    public void delete(String owner, String filename) {
        bucket.delete(owner, filename);
        distribution.invalidate(S3HostedFiles.path(owner, filename));
    }
}
