package dev.reelforge.aws;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.s3.WithoutExpectContinue;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds the SDK clients a function uses, once, at init: the URL-connection HTTP client (small and quick
 * to start), the region from the environment rather than the SDK's lookup chain, and the default
 * credentials chain, which on Lambda (SnapStart included) finds the function role's credentials. An
 * endpoint override (the embedded stack's) also switches S3 to path-style addressing.
 */
public final class AwsClients {

    private AwsClients() {}

    public static DynamoDbClient dynamoDb(AwsSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(settings.region())
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        settings.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static S3Client s3(AwsSettings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(settings.region())
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override.addExecutionInterceptor(new WithoutExpectContinue()));
        settings.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    public static MediaConvertClient mediaConvert(AwsSettings settings) {
        MediaConvertClientBuilder builder = MediaConvertClient.builder()
                .region(settings.region())
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        settings.mediaConvertEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** CloudFront's API is global: one endpoint, signed for us-east-1, whatever the function's region. */
    public static CloudFrontClient cloudFront(AwsSettings settings) {
        CloudFrontClientBuilder builder = CloudFrontClient.builder()
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        settings.cloudFrontEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SecretsManagerClient secretsManager(AwsSettings settings) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .region(settings.region())
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        settings.secretsManagerEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SqsClient sqs(AwsSettings settings) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(settings.region())
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        settings.sqsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials() {
        return DefaultCredentialsProvider.builder().build();
    }
}
