package dev.reelforge.aws.s3;

import dev.reelforge.core.dashboard.DashboardBucket;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The dashboard's files in their own bucket ({@code DashboardBucket}), at the bucket's root. */
public final class S3DashboardBucket implements DashboardBucket {

    private final S3Client s3;
    private final String bucket;

    public S3DashboardBucket(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] content, String contentType, String cacheControl) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
                RequestBody.fromBytes(content));
    }

    /** None when the bucket is gone (removed by hand): emptying it then is done, and the stack's deletion goes on. */
    @Override
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        try {
            s3.listObjectsV2Paginator(list -> list.bucket(bucket)).contents().stream().map(S3Object::key)
                    .forEach(keys::add);
        } catch (NoSuchBucketException e) {
            return Set.of();
        }
        return keys;
    }

    /** One DeleteObject per key: the dashboard has a dozen files, and S3Proxy and S3 agree on DeleteObject. */
    @Override
    public void delete(Collection<String> keys) {
        for (String key : keys) {
            s3.deleteObject(delete -> delete.bucket(bucket).key(key));
        }
    }
}
