package dev.reelforge.aws.config;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where the AWS services are. On Lambda only {@code AWS_REGION} is set; the embedded stack also sets the
 * SDK's own endpoint variables ({@code AWS_ENDPOINT_URL_DYNAMODB}, ...) to its loopback services.
 */
public record AwsSettings(Region region, Optional<URI> dynamoDbEndpoint, Optional<URI> s3Endpoint,
        Optional<URI> mediaConvertEndpoint, Optional<URI> cloudFrontEndpoint, Optional<URI> secretsManagerEndpoint,
        Optional<URI> sqsEndpoint) {

    public static AwsSettings from(EnvironmentVariables environment) {
        return new AwsSettings(
                Region.of(environment.required("AWS_REGION")),
                environment.optionalUri("AWS_ENDPOINT_URL_DYNAMODB"),
                environment.optionalUri("AWS_ENDPOINT_URL_S3"),
                environment.optionalUri("AWS_ENDPOINT_URL_MEDIACONVERT"),
                environment.optionalUri("AWS_ENDPOINT_URL_CLOUDFRONT"),
                environment.optionalUri("AWS_ENDPOINT_URL_SECRETS_MANAGER"),
                environment.optionalUri("AWS_ENDPOINT_URL_SQS"));
    }
}
