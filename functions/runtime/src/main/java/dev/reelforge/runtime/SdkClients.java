package dev.reelforge.runtime;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How every SDK client of a function is set up, once, at init: the URL-connection HTTP client (small and quick to
 * start; neither Apache's nor Netty's is in a function's jar), the region from {@code AWS_REGION} rather than the
 * SDK's lookup chain, the default credentials chain (on Lambda, SnapStart included, the function role's), and the
 * SDK's own endpoint variable {@code AWS_ENDPOINT_URL_<SERVICE>} when set, as the embedded stack sets it to its
 * loopback services. Each adapter module builds its own technology's client with this.
 */
public final class SdkClients {

    private SdkClients() {}

    /**
     * The builder, configured; {@code service} names its endpoint variable ({@code DYNAMODB} reads
     * {@code AWS_ENDPOINT_URL_DYNAMODB}).
     */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(B builder,
            FunctionEnvironment environment, String service) {
        builder.region(Region.of(environment.required("AWS_REGION")))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.create());
        environment.optionalUri("AWS_ENDPOINT_URL_" + service).ifPresent(builder::endpointOverride);
        return builder;
    }

    /** Whether the function talks to a stand-in for the service (the embedded stack) rather than AWS itself. */
    public static boolean endpointOverridden(FunctionEnvironment environment, String service) {
        return environment.optional("AWS_ENDPOINT_URL_" + service).isPresent();
    }
}
