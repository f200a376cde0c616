package dev.reelforge.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.pipeline.SourceFetcher.FetchResult;
import dev.reelforge.core.pipeline.SourceFetcher.FetchResult.Fetched;
import dev.reelforge.core.pipeline.SourceFetcher.FetchResult.Refused;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** s3:// sources against S3Proxy serving a directory over the S3 API on loopback. */
class S3SourceFetchTest {

    private static final int MAX_BYTES = 64 * 1024;
    private static final byte[] CLIP = HttpSourceFetchTest.randomBytes(40_000);
    private static final String ACCESS_KEY = "local-access-key";
    private static final String SECRET_KEY = "local-secret-key";
    private static final SourceLimits LIMITS =
            new SourceLimits(MAX_BYTES, Duration.ofSeconds(2), Duration.ofSeconds(5), false, 3,
                    Set.of("media", "no-such-bucket"));

    private static S3Proxy proxy;
    private static URI endpoint;
    private static S3Client s3;

    @TempDir
    Path directory;

    @BeforeAll
    static void startS3(@TempDir Path storage) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", storage.toString());
        try (ServerSocket socket = new ServerSocket(0)) {
            endpoint = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", properties))
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            assertThat(System.nanoTime()).as("S3Proxy started in time").isLessThan(deadline);
            Thread.sleep(10);
        }
        s3 = client(SECRET_KEY);
        s3.createBucket(request -> request.bucket("media"));
        s3.putObject(request -> request.bucket("media").key("clips/my clip.mp4"), RequestBody.fromBytes(CLIP));
        s3.putObject(request -> request.bucket("media").key("big.mp4"),
                RequestBody.fromBytes(new byte[MAX_BYTES + 1]));
        s3.putObject(request -> request.bucket("media").key("empty.mp4"), RequestBody.empty());
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
        proxy.stop();
    }

    private static S3Client client(String secretKey) {
        return S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secretKey)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private FetchResult fetch(String source) {
        return new GuardedSourceFetcher(LIMITS, s3).fetch(URI.create(source), directory.resolve("source.mp4"));
    }

    @Test
    void anObjectIsFetchedByItsDecodedKey() throws IOException {
        Path target = directory.resolve("source.mp4");

        FetchResult result = fetch("s3://media/clips/my%20clip.mp4");

        assertThat(result).isEqualTo(new Fetched(target, CLIP.length));
        assertThat(Files.readAllBytes(target)).isEqualTo(CLIP);
        assertThat(HttpSourceFetchTest.filesIn(directory)).containsExactly(target);
    }

    @Test
    void theSchemeIsMatchedWithoutRegardToCase() {
        assertThat(fetch("S3://media/clips/my%20clip.mp4")).isInstanceOf(Fetched.class);
    }

    @Test
    void aMissingKeyIsRefused() throws IOException {
        assertThat(fetch("s3://media/clips/nothing.mp4")).isEqualTo(new Refused("no such object"));
        assertThat(HttpSourceFetchTest.filesIn(directory)).isEmpty();
    }

    @Test
    void aMissingBucketIsRefused() {
        assertThat(fetch("s3://no-such-bucket/clips/my%20clip.mp4")).isEqualTo(new Refused("no such object"));
    }

    @Test
    void anObjectOverTheLimitIsRefusedAndLeavesNoFile() throws IOException {
        assertThat(fetch("s3://media/big.mp4")).isEqualTo(new Refused("larger than the 64 KB source limit"));
        assertThat(HttpSourceFetchTest.filesIn(directory)).isEmpty();
    }

    @Test
    void anEmptyObjectIsRefused() throws IOException {
        assertThat(fetch("s3://media/empty.mp4")).isEqualTo(new Refused("the source is empty"));
        assertThat(HttpSourceFetchTest.filesIn(directory)).isEmpty();
    }

    @Test
    void anAddressWithoutAKeyIsRefused() {
        assertThat(fetch("s3://media/")).isEqualTo(new Refused("the s3 address names no object"));
        assertThat(fetch("s3://media")).isEqualTo(new Refused("the s3 address names no object"));
    }

    @Test
    void credentialsTheStoreRejectsAreRefusedAsAccessDenied() {
        try (S3Client wrongSecret = client("not-the-secret")) {
            FetchResult result = new GuardedSourceFetcher(LIMITS, wrongSecret)
                    .fetch(URI.create("s3://media/clips/my%20clip.mp4"), directory.resolve("source.mp4"));

            assertThat(result).isEqualTo(new Refused("access denied"));
        }
    }

    @Test
    void refusesABucketTheDeploymentDoesNotReadSourcesFrom() {
        assertThat(fetch("s3://reelforge-temp/renders/someone/else.mp4"))
                .isEqualTo(new Refused("bucket reelforge-temp is not one this deployment reads sources from"));
    }
}
