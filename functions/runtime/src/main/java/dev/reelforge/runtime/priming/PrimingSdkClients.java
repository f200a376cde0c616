package dev.reelforge.runtime.priming;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * SDK clients for a priming request. They marshal, resolve the endpoint and sign exactly as the function's own
 * client does (the classes loaded are the same), but their HTTP client answers in-process, so nothing is sent:
 * <ul>
 *   <li>No network call, neither in tests (which may reach only loopback) nor at checkpoint time on AWS, where a
 *       real call would be allowed but would read or write real tables with a made-up request, and where a refused
 *       connection would cost the SDK's retries and an error path rather than the success path the first request
 *       takes.</li>
 *   <li>Made-up credentials: signing runs, but the function's own credentials are neither resolved nor cached into
 *       the snapshot (its client resolves them after the restore, as before).</li>
 *   <li>The answer is an empty JSON object with status 200, which the JSON-protocol services (DynamoDB, the only
 *       client an API function carries) read as a successful write, or a read that found nothing.</li>
 * </ul>
 * What stays for the first request after a restore: the URL-connection client's first connection and TLS
 * handshake, and credentials resolution.
 */
public final class PrimingSdkClients {

    private static final AtomicLong ANSWERED = new AtomicLong();

    private PrimingSdkClients() {}

    /** How many requests the priming clients of this JVM have answered in-process (what the faces' tests check). */
    public static long requestsAnswered() {
        return ANSWERED.get();
    }

    /** {@code builder}, set up to answer in-process, in the function's region (us-east-1 without one). */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(B builder) {
        return builder.region(region()).credentialsProvider(credentials()).httpClient(new AnsweringHttpClient());
    }

    /** The function's region (us-east-1 without one), for what signs without a client (an S3 presigner). */
    public static Region region() {
        return Region.of(Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-east-1"));
    }

    /**
     * The made-up credentials priming signs with, for what signs without a client (an S3 presigner): the
     * function's own are neither resolved nor cached into the snapshot.
     */
    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"));
    }

    /** Answers every request with {@code 200 {}}, having read its body as a real client would send it. */
    private static final class AnsweringHttpClient implements SdkHttpClient {

        private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    request.contentStreamProvider().ifPresent(body -> drain(body.newStream()));
                    ANSWERED.incrementAndGet();
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                                    .putHeader("Content-Length", String.valueOf(EMPTY_OBJECT.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(EMPTY_OBJECT)))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        private static void drain(InputStream body) {
            try (body) {
                body.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String clientName() {
            return "Priming";
        }

        @Override
        public void close() {}
    }
}
