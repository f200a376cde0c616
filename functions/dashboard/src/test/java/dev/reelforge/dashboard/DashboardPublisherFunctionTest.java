package dev.reelforge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.reelforge.aws.s3.S3DashboardBucket;
import dev.reelforge.aws.s3.WithoutExpectContinue;
import dev.reelforge.core.json.Json;
import dev.reelforge.runtime.cloudformation.CustomResourceResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The custom resource as CloudFormation drives it: the dashboard this build carries written to S3Proxy through the
 * real SDK client, and its answer PUT to the event's ResponseURL, which a loopback server stands in for (on AWS a
 * presigned S3 URL: {@link PresignedResponseUrlStandIn}).
 */
class DashboardPublisherFunctionTest {

    private static final String ACCESS_KEY = "local-access-key";
    private static final String SECRET_KEY = "local-secret-key";
    private static final String BUCKET = "reelforge-dashboard-123456789012-us-east-1";
    private static final String API_URL = "https://abc123.execute-api.us-east-1.amazonaws.com/live";

    private static S3Proxy proxy;
    private static S3Client s3;

    private PresignedResponseUrlStandIn responseUrl;

    /** What CloudFormation's presigned response URL receives: each PUT's Content-Type header and body. */
    private static final class PresignedResponseUrlStandIn implements AutoCloseable {

        record Answer(String method, String contentType, JsonNode body) {}

        final List<Answer> answers = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        PresignedResponseUrlStandIn() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                answers.add(new Answer(exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), Json.parseTrusted(body)));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/cloudformation-custom-resource-response-useast1/arn%3Aaws%3Acloudformation?X-Amz-Signature=ab12");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** An invocation's context with nothing but names (its log lines go to standard output). */
    private static final Context CONTEXT = new Context() {
        public String getAwsRequestId() { return "req-1"; }
        public String getLogGroupName() { return "/aws/lambda/reelforge-DashboardPublisherFunction"; }
        public String getLogStreamName() { return "2026/12/06/[live]abc"; }
        public String getFunctionName() { return "reelforge-DashboardPublisherFunction"; }
        public String getFunctionVersion() { return "1"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:f"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 60_000; }
        public int getMemoryLimitInMB() { return 512; }
        public LambdaLogger getLogger() { return null; }
    };

    @BeforeAll
    static void startS3(@TempDir Path storage) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", storage.toString());
        URI endpoint;
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            endpoint = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        proxy = S3Proxy.builder().blobStore(BlobStores.create("filesystem", properties)).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            assertThat(System.nanoTime()).as("S3Proxy started in time").isLessThan(deadline);
            Thread.sleep(10);
        }
        s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                // as the functions' clients (S3Buckets): S3Proxy may close the connection on an Expect: 100-continue
                .overrideConfiguration(override -> override.addExecutionInterceptor(new WithoutExpectContinue()))
                .build();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
        proxy.stop();
    }

    @BeforeEach
    void emptyBucketAndStandIn() throws IOException {
        s3.createBucket(create -> create.bucket(BUCKET));
        responseUrl = new PresignedResponseUrlStandIn();
    }

    @AfterEach
    void removeBucket() {
        responseUrl.close();
        s3.listObjectsV2(list -> list.bucket(BUCKET)).contents()
                .forEach(object -> s3.deleteObject(delete -> delete.bucket(BUCKET).key(object.key())));
        s3.deleteBucket(delete -> delete.bucket(BUCKET));
    }

    private static DashboardPublisherFunction function(String bucket) {
        S3DashboardBucket dashboard = new S3DashboardBucket(s3, bucket);
        return new DashboardPublisherFunction(new PublishDashboard(dashboard), new RemoveDashboard(dashboard),
                ShippedDashboard.files(), CustomResourceResponse::send);
    }

    private Map<String, Object> event(String requestType, Map<String, Object> properties) {
        return Map.of("RequestType", requestType, "ResponseURL", responseUrl.url().toString(),
                "StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/reelforge/1", "RequestId", "r-" + requestType,
                "LogicalResourceId", "Dashboard", "ResourceType", "Custom::Dashboard",
                "ResourceProperties", properties);
    }

    private static Map<String, Object> properties(String apiUrl) {
        return Map.of("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:f:live", "ApiUrl", apiUrl,
                "CodeVersion", "7");
    }

    /** The files of dashboard/ in the repo, as keys. */
    private static List<String> repoFiles() throws IOException {
        Path directory = Path.of("../../dashboard");
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).map(file -> directory.relativize(file).toString().replace('\\', '/'))
                    .filter(key -> key.endsWith(".html") || key.endsWith(".css") || key.endsWith(".js"))
                    .toList();
        }
    }

    private static List<String> keys() {
        return s3.listObjectsV2(list -> list.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
    }

    @Test
    void createWritesEveryFileOfTheDashboardAndConfigJsonThenAnswersSuccess() throws IOException {
        function(BUCKET).handleRequest(event("Create", properties(API_URL)), CONTEXT);

        assertThat(repoFiles()).contains("index.html", "app.css", "js/app.js");
        assertThat(keys()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(repoFiles().stream(), Stream.of("config.json")).toList());
        for (String key : repoFiles()) {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(get -> get.bucket(BUCKET).key(key));
            assertThat(object.asByteArray()).as(key).isEqualTo(Files.readAllBytes(Path.of("../../dashboard", key)));
            assertThat(object.response().cacheControl()).as(key).isEqualTo("no-cache");
        }
        // S3Proxy's Jetty drops the space before a parameter; S3 keeps the type as written
        assertThat(head("index.html")).isEqualToIgnoringWhitespace("text/html; charset=utf-8");
        assertThat(head("app.css")).isEqualToIgnoringWhitespace("text/css; charset=utf-8");
        assertThat(head("js/app.js")).isEqualToIgnoringWhitespace("text/javascript; charset=utf-8");
        ResponseBytes<GetObjectResponse> config = s3.getObjectAsBytes(get -> get.bucket(BUCKET).key("config.json"));
        assertThat(config.response().contentType()).isEqualTo("application/json");
        assertThat(config.response().cacheControl()).isEqualTo("no-cache");
        assertThat(Json.parseTrusted(config.asUtf8String()).path("apiUrl").asText()).isEqualTo(API_URL);

        assertThat(responseUrl.answers).hasSize(1);
        PresignedResponseUrlStandIn.Answer answer = responseUrl.answers.getFirst();
        assertThat(answer.method()).isEqualTo("PUT");
        assertThat(answer.contentType()).as("CloudFormation's presigned URL signs no Content-Type").isNull();
        assertThat(answer.body().path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.body().path("PhysicalResourceId").asText()).isEqualTo("reelforge-dashboard");
        assertThat(answer.body().path("StackId").asText())
                .isEqualTo("arn:aws:cloudformation:us-east-1:123456789012:stack/reelforge/1");
        assertThat(answer.body().path("RequestId").asText()).isEqualTo("r-Create");
        assertThat(answer.body().path("LogicalResourceId").asText()).isEqualTo("Dashboard");
    }

    @Test
    void anUpdateRewritesConfigJsonRemovesFilesOfAnEarlierReleaseAndKeepsThePhysicalId() throws IOException {
        function(BUCKET).handleRequest(event("Create", properties(API_URL)), CONTEXT);
        assertThat(keys()).contains("index.html");
        s3.putObject(put -> put.bucket(BUCKET).key("js/removed-in-this-release.js"), RequestBody.fromString("x"));
        String newUrl = "https://def456.execute-api.us-east-1.amazonaws.com/live";

        function(BUCKET).handleRequest(event("Update", properties(newUrl)), CONTEXT);

        assertThat(keys()).doesNotContain("js/removed-in-this-release.js").contains("index.html", "config.json");
        assertThat(Json.parseTrusted(s3.getObjectAsBytes(get -> get.bucket(BUCKET).key("config.json")).asUtf8String())
                .path("apiUrl").asText()).isEqualTo(newUrl);
        assertThat(responseUrl.answers).extracting(answer -> answer.body().path("PhysicalResourceId").asText())
                .containsExactly("reelforge-dashboard", "reelforge-dashboard");
        assertThat(responseUrl.answers).extracting(answer -> answer.body().path("Status").asText())
                .containsExactly("SUCCESS", "SUCCESS");
    }

    @Test
    void deleteEmptiesTheBucketSoThatTheStackCanDeleteIt() {
        function(BUCKET).handleRequest(event("Create", properties(API_URL)), CONTEXT);
        assertThat(keys()).contains("index.html", "config.json");

        function(BUCKET).handleRequest(event("Delete", properties(API_URL)), CONTEXT);

        assertThat(keys()).isEmpty();
        assertThat(responseUrl.answers.getLast().body().path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(responseUrl.answers.getLast().body().path("PhysicalResourceId").asText())
                .isEqualTo("reelforge-dashboard");
    }

    @Test
    void deletingWhenTheBucketIsGoneAlreadySucceedsSoThatTheStackCanBeDeleted() {
        function("no-such-dashboard-bucket").handleRequest(event("Delete", properties(API_URL)), CONTEXT);

        assertThat(responseUrl.answers.getFirst().body().path("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void configJsonNamesTheIbmAndPicovicoApisGivenAsProperties() {
        String ibm = "https://ibm456.execute-api.us-east-1.amazonaws.com/live";
        String picovico = "https://pico789.execute-api.us-east-1.amazonaws.com/live";
        function(BUCKET).handleRequest(event("Create", Map.of("ServiceToken", "arn:aws:lambda:f", "ApiUrl", API_URL,
                "IbmApiUrl", ibm, "PicovicoApiUrl", picovico)), CONTEXT);

        JsonNode config = Json.parseTrusted(s3.getObjectAsBytes(get -> get.bucket(BUCKET).key("config.json"))
                .asUtf8String());
        assertThat(config.path("apiUrl").asText()).isEqualTo(API_URL);
        assertThat(config.path("ibmApiUrl").asText()).isEqualTo(ibm);
        assertThat(config.path("picovicoApiUrl").asText()).isEqualTo(picovico);
        assertThat(responseUrl.answers.getFirst().body().path("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void aFaceApiUrlThatIsNoHttpUrlFailsTheDeploymentNamingTheProperty() {
        function(BUCKET).handleRequest(event("Create", Map.of("ServiceToken", "arn:aws:lambda:f", "ApiUrl", API_URL,
                "IbmApiUrl", "javascript:alert(1)")), CONTEXT);

        assertThat(keys()).isEmpty();
        JsonNode body = responseUrl.answers.getFirst().body();
        assertThat(body.path("Status").asText()).isEqualTo("FAILED");
        assertThat(body.path("Reason").asText()).contains("IbmApiUrl");
    }

    @Test
    void aMissingApiUrlFailsTheDeploymentNamingTheProperty() {
        function(BUCKET).handleRequest(event("Create", Map.of("ServiceToken", "arn:aws:lambda:f")), CONTEXT);

        assertThat(keys()).isEmpty();
        JsonNode body = responseUrl.answers.getFirst().body();
        assertThat(body.path("Status").asText()).isEqualTo("FAILED");
        assertThat(body.path("Reason").asText()).contains("ApiUrl");
        assertThat(body.path("PhysicalResourceId").asText()).isEqualTo("reelforge-dashboard");
    }

    @Test
    void aBucketThatCannotBeWrittenFailsTheDeploymentAtOnceWithoutQuotingS3() {
        function("no-such-dashboard-bucket").handleRequest(event("Create", properties(API_URL)), CONTEXT);

        JsonNode body = responseUrl.answers.getFirst().body();
        assertThat(body.path("Status").asText()).isEqualTo("FAILED");
        assertThat(body.path("Reason").asText()).contains("dashboard could not be written", "log stream")
                .doesNotContain("NoSuchBucket", "Exception");
    }

    private static String head(String key) {
        return s3.headObject(head -> head.bucket(BUCKET).key(key)).contentType();
    }
}
