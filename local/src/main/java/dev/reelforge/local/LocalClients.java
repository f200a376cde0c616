package dev.reelforge.local;

import dev.reelforge.aws.s3.WithoutExpectContinue;
import dev.reelforge.local.template.StackIdentity;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients for the embedded stack's own use (provisioning, seeding), built like the functions' clients. */
public final class LocalClients {

    private LocalClients() {}

    public static DynamoDbClient dynamoDb(URI endpoint) {
        return dynamoDb(endpoint, List.of());
    }

    /** @param interceptors run around each of the client's calls (the stack's own client announces its writes) */
    public static DynamoDbClient dynamoDb(URI endpoint, List<ExecutionInterceptor> interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(StackIdentity.LOCAL.region()))
                .credentialsProvider(LocalCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config.executionInterceptors(interceptors))
                .build();
    }

    public static DynamoDbStreamsClient dynamoDbStreams(URI endpoint) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(StackIdentity.LOCAL.region()))
                .credentialsProvider(LocalCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static S3Client s3(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(StackIdentity.LOCAL.region()))
                .credentialsProvider(LocalCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override.addExecutionInterceptor(new WithoutExpectContinue()))
                .forcePathStyle(true)
                .build();
    }

    public static SqsClient sqs(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(StackIdentity.LOCAL.region()))
                .credentialsProvider(LocalCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
