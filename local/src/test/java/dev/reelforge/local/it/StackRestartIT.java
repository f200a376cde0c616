package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.aws.cloudfront.CloudFrontSignedUrls;
import dev.reelforge.aws.secretsmanager.PrivateKeyPem;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.LocalDescriptor;
import dev.reelforge.local.LocalSigningKey;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.contract.ContractCheckingClient;
import dev.reelforge.local.ibm.IbmHttp;
import dev.reelforge.local.picovico.PicovicoHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.model.JobStatus;
import software.amazon.awssdk.services.mediaconvert.model.Order;

/**
 * The embedded stack keeps its state in the data directory (tables, files, the account, the signing key, the
 * distributions' ports), and only one stack uses a directory.
 */
class StackRestartIT {

    private static final int STREAMED_SECONDS = 40;
    /** A title zooming in: no poster or thumbnail, so its composition streams into its job. */
    private static final String STREAMED_EDIT = """
            {"timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Stopped and back"},
                                                 "start": 0, "length": %d, "effect": "zoomIn"}]}]},
             "output": {"format": "mp4", "resolution": "hd"}}
            """.formatted(STREAMED_SECONDS);

    private final Path dataDirectory = SharedStack.temporaryDirectory("reelforge-restart-");

    @AfterEach
    void removeDataDirectory() {
        SharedStack.deleteRecursively(dataDirectory);
    }

    private LocalStack start() {
        return LocalStack.start(new LocalStack.Options(ProjectFiles.template(), dataDirectory, 0, line -> {}));
    }

    @Test
    void rendersAndTheDevelopmentAccountSurviveARestart() {
        String renderId;
        LocalDescriptor first;
        try (LocalStack stack = start()) {
            first = LocalDescriptor.read(dataDirectory).orElseThrow();
            renderId = new ContractCheckingClient(stack.apiUrl())
                    .post("/edit/stage/render", first.apiKey(Environment.STAGE), Edits.SMALL)
                    .body().path("response").path("id").asText();
        }

        try (LocalStack stack = start()) {
            LocalDescriptor second = LocalDescriptor.read(dataDirectory).orElseThrow();
            assertThat(second.owner()).isEqualTo(first.owner());
            assertThat(second.apiKeys()).isEqualTo(first.apiKeys());
            assertThat(second.ibmClients()).isEqualTo(first.ibmClients()).containsOnlyKeys(Environment.values());
            assertThat(second.picovicoApps()).isEqualTo(first.picovicoApps()).containsOnlyKeys(Environment.values());
            var status = new ContractCheckingClient(stack.apiUrl())
                    .get("/edit/stage/render/" + renderId, second.apiKey(Environment.STAGE));
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.body().path("response").path("id").asText()).isEqualTo(renderId);
        }
    }

    /**
     * Ctrl-C while a composition streams into its job: the worker's ffmpeg is ended first, so the job reads a stream
     * that stops short, and waits for the pipe again; after the next start the worker's retry composes into it, and
     * the render ends done with its whole length.
     */
    @Test
    void aRenderStoppedWhileItsCompositionStreamsIsDoneWithItsWholeLengthAfterTheNextStart() {
        String renderId;
        LocalDescriptor descriptor;
        try (LocalStack stack = start()) {
            descriptor = LocalDescriptor.read(dataDirectory).orElseThrow();
            renderId = new ContractCheckingClient(stack.apiUrl()).post("/edit/stage/render",
                    descriptor.apiKey(Environment.STAGE), STREAMED_EDIT).body().path("response").path("id").asText();
            try (MediaConvertClient mediaConvert = mediaConvert(stack)) {
                awaitUntil("the job of " + renderId + " reads its composition", () -> mediaConvert.listJobs(
                        list -> list.order(Order.DESCENDING)).jobs().stream()
                        .anyMatch(job -> renderId.equals(job.userMetadata().get("renderId"))
                                && job.status() == JobStatus.PROGRESSING && job.jobPercentComplete() != null
                                && job.jobPercentComplete() >= 10));
            }
        }

        try (LocalStack stack = start()) {
            ContractCheckingClient api = new ContractCheckingClient(stack.apiUrl());
            awaitUntil(renderId + " done", () -> api.get("/edit/stage/render/" + renderId,
                    descriptor.apiKey(Environment.STAGE)).body().path("response").path("status").asText()
                    .equals("done"));
            assertThat(api.get("/edit/stage/render/" + renderId, descriptor.apiKey(Environment.STAGE)).body()
                    .path("response").path("duration").asDouble()).isEqualTo(STREAMED_SECONDS);
        }
    }

    private static MediaConvertClient mediaConvert(LocalStack stack) {
        return MediaConvertClient.builder()
                .endpointOverride(stack.services().endpoints().mediaConvert())
                .region(Region.US_EAST_1)
                .credentialsProvider(LocalCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static void awaitUntil(String what, BooleanSupplier reached) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!reached.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never " + what);
            }
            RenderTestStack.sleep(Duration.ofMillis(20));
        }
    }

    @Test
    void aDataDirectoryFromBeforePicovicosFaceGetsTheDevelopmentAccountsAppsAndCreditsOnTheNextStart() {
        LocalDescriptor first;
        try (LocalStack stack = start()) {
            first = LocalDescriptor.read(dataDirectory).orElseThrow();
            // as such a directory was: an account without apps or a balance, a local.json without "picovico"
            for (Environment environment : Environment.values()) {
                stack.services().dynamoDb().deleteItem(delete -> delete.tableName(stack.tableName("AccountsTable"))
                        .key(Map.of("pk", AttributeValue.fromS("picovicoapp#"
                                + first.picovicoApp(environment).orElseThrow().appId()))));
            }
            stack.services().dynamoDb().deleteItem(delete -> delete.tableName(stack.tableName("AccountsTable"))
                    .key(Map.of("pk", AttributeValue.fromS("credits#" + first.owner()))));
            new LocalDescriptor(first.apiUrl(), first.owner(), first.apiKeys(), first.ibmClients(), Map.of(),
                    first.webhookSecret(), first.services()).write(dataDirectory);
        }

        try (LocalStack stack = start()) {
            LocalDescriptor second = LocalDescriptor.read(dataDirectory).orElseThrow();
            assertThat(second.owner()).isEqualTo(first.owner());
            assertThat(second.picovicoApps()).containsOnlyKeys(Environment.values());
            for (Environment environment : Environment.values()) {
                PicovicoHttp.Pair pair = PicovicoHttp.logIn(stack, environment);
                PicovicoHttp.Response me = PicovicoHttp.get(stack, "/me", pair);
                assertThat(me.body().path("id").asText()).isEqualTo(first.owner());
                assertThat(me.body().path("credits").asLong()).isEqualTo(CreateAccountCommand.STARTING_CREDITS);
            }
        }
    }

    @Test
    void aDataDirectoryFromBeforeIbmsFaceGetsTheDevelopmentAccountsIbmClientsOnTheNextStart() {
        LocalDescriptor first;
        try (LocalStack stack = start()) {
            first = LocalDescriptor.read(dataDirectory).orElseThrow();
            // as such a directory was: an account without OAuth clients, a local.json without "ibm"
            for (Environment environment : Environment.values()) {
                stack.services().dynamoDb().deleteItem(delete -> delete.tableName(stack.tableName("AccountsTable"))
                        .key(Map.of("pk", AttributeValue.fromS("ibmclient#"
                                + first.ibmClient(environment).orElseThrow().clientId()))));
            }
            new LocalDescriptor(first.apiUrl(), first.owner(), first.apiKeys(), Map.of(), Map.of(), first.webhookSecret(),
                    first.services()).write(dataDirectory);
        }

        try (LocalStack stack = start()) {
            LocalDescriptor second = LocalDescriptor.read(dataDirectory).orElseThrow();
            assertThat(second.owner()).isEqualTo(first.owner());
            assertThat(second.apiKeys()).isEqualTo(first.apiKeys());
            assertThat(second.ibmClients()).containsOnlyKeys(Environment.values());
            for (Environment environment : Environment.values()) {
                assertThat(IbmHttp.accessToken(stack, environment)).matches("[0-9A-Za-z]{40}");
            }
        }
    }

    @Test
    void aTemporaryUrlSignedBeforeARestartStillDownloadsAfterIt() throws Exception {
        String url;
        LocalDescriptor first;
        try (LocalStack stack = start()) {
            first = LocalDescriptor.read(dataDirectory).orElseThrow();
            String tempBucket = stack.function("RenderStatusFunction").definition().environment().get("TEMP_BUCKET");
            String keyPairId = stack.function("RenderStatusFunction").definition().environment()
                    .get("TEMPORARY_URL_KEY_PAIR_ID");
            stack.services().s3().putObject(put -> put.bucket(tempBucket).key("renders/" + first.owner() + "/kept.txt")
                    .contentType("text/plain"), RequestBody.fromString("still here"));
            url = new CloudFrontSignedUrls(first.services().get("temporaryCdn"), "renders/", keyPairId,
                    PrivateKeyPem.parse(LocalSigningKey.ensure(dataDirectory).privateKeyPem()), Clock.systemUTC())
                    .urlOf("renders/" + first.owner() + "/kept.txt");
            assertThat(download(url).statusCode()).isEqualTo(200);
        }

        try (LocalStack stack = start()) {
            LocalDescriptor second = LocalDescriptor.read(dataDirectory).orElseThrow();
            assertThat(second.services().get("cdn")).isEqualTo(first.services().get("cdn"));
            assertThat(second.services().get("temporaryCdn")).isEqualTo(first.services().get("temporaryCdn"));
            HttpResponse<String> after = download(url);
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
            assertThat(after.body()).isEqualTo("still here");
        }
    }

    private static HttpResponse<String> download(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aSecondStackOnTheSameDataDirectoryIsRefused() {
        try (LocalStack running = start()) {
            assertThatThrownBy(this::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another embedded stack is running");
        }
    }

    @Test
    void localJsonNamesTheApiTheAccountAndEveryService() {
        try (LocalStack stack = start()) {
            LocalDescriptor descriptor = LocalDescriptor.read(dataDirectory).orElseThrow();
            assertThat(descriptor.apiUrl()).isEqualTo(stack.apiUrl());
            assertThat(descriptor.owner()).matches("[a-z0-9]{10}");
            assertThat(descriptor.apiKey(Environment.STAGE)).matches("[A-Za-z0-9]{40}");
            assertThat(descriptor.apiKey(Environment.V1)).matches("[A-Za-z0-9]{40}").isNotEqualTo(descriptor.apiKey(Environment.STAGE));
            assertThat(descriptor.ibmClients().values()).hasSize(2).allSatisfy(client -> {
                assertThat(client.clientId()).matches("[A-Za-z0-9]{40}");
                assertThat(client.clientSecret()).matches("[A-Za-z0-9]{40}");
            });
            assertThat(descriptor.ibmClient(Environment.STAGE).orElseThrow().clientId())
                    .isNotEqualTo(descriptor.ibmClient(Environment.V1).orElseThrow().clientId());
            assertThat(descriptor.services()).containsOnlyKeys("dynamodb", "s3", "mediaconvert", "cloudfront",
                    "secretsmanager", "sqs", "cdn", "temporaryCdn", "dashboard", "control");
            assertThat(descriptor.services().values()).allSatisfy(endpoint -> assertThat(endpoint.getHost()).isEqualTo("127.0.0.1"));
        }
    }
}
