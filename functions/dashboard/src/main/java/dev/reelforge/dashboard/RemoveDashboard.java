package dev.reelforge.dashboard;

import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3DashboardBucket;
import dev.reelforge.core.dashboard.DashboardBucket;
import dev.reelforge.runtime.FunctionEnvironment;
import java.util.List;

/**
 * Empties the dashboard's bucket, when the stack that made it goes: CloudFormation deletes the bucket next, and cannot
 * delete one that holds objects. Nothing in it is anyone's data (every object is a file of the release, or
 * {@code config.json}), so nothing is lost.
 */
public final class RemoveDashboard {

    private final DashboardBucket bucket;

    public RemoveDashboard(DashboardBucket bucket) {
        this.bucket = bucket;
    }

    /** Removing from {@code DASHBOARD_BUCKET}. */
    public static RemoveDashboard of(FunctionEnvironment environment) {
        return new RemoveDashboard(new S3DashboardBucket(S3Buckets.client(environment),
                environment.required("DASHBOARD_BUCKET")));
    }

    /** @return the keys removed */
    public List<String> remove() {
        List<String> keys = List.copyOf(bucket.keys());
        bucket.delete(keys);
        return keys;
    }
}
