package dev.reelforge.aws.cloudfront;

import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.SdkClients;
import java.util.UUID;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/** Tells a distribution's edge caches to forget paths, so a file removed from its origin stops being served. */
public final class CloudFrontInvalidations {

    private final CloudFrontClient cloudFront;
    private final String distributionId;

    public CloudFrontInvalidations(CloudFrontClient cloudFront, String distributionId) {
        this.cloudFront = cloudFront;
        this.distributionId = distributionId;
    }

    /**
     * The hosting distribution's ({@code HOSTING_DISTRIBUTION_ID}). CloudFront's API is global: one endpoint, signed
     * for us-east-1, whatever the function's region.
     */
    public static CloudFrontInvalidations ofHosting(FunctionEnvironment environment) {
        return new CloudFrontInvalidations(
                SdkClients.configure(CloudFrontClient.builder(), environment, "CLOUDFRONT").region(Region.AWS_GLOBAL)
                        .build(),
                environment.required("HOSTING_DISTRIBUTION_ID"));
    }

    public void invalidate(String path) {
        // A retried call invalidates again rather than being taken for the first request: each call is new.
        cloudFront.createInvalidation(invalidation -> invalidation.distributionId(distributionId)
                .invalidationBatch(batch -> batch.callerReference(UUID.randomUUID().toString())
                        .paths(paths -> paths.quantity(1).items(path))));
    }
}
