package dev.reelforge.aws;

import dev.reelforge.aws.config.AwsSettings;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the SDK clients a function uses, once, at init: the URL-connection HTTP client (small and quick
 * to start), the region from the environment rather than the SDK's lookup chain, and the default
 * credentials chain, which on Lambda (SnapStart included) finds the function role's credentials.
 */
public final class AwsClients {

    private AwsClients() {}

    public static DynamoDbClient dynamoDb(AwsSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(settings.region())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.create());
        settings.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
