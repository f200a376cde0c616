package dev.reelforge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.callback.WebhookSecret;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import dev.reelforge.local.webhooks.WebhookReceiver;
import dev.reelforge.media.BundledFfmpeg;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The log of the embedded stack as {@code --log-format json} prints it: every line one JSON object, the functions'
 * lines naming level, function, request id, event and the ids and outcome that apply, metrics as CloudWatch
 * embedded-metric-format documents, and no secret: no API key, webhook secret, signature or signed URL, even when
 * the requests carry them (in headers, edits, callback and source URLs).
 */
class StructuredLogsIT {

    private static final String CALLBACK_TOKEN = "cbtoken-7d1f0c9a";
    private static final String SOURCE_SIGNATURE = "srcsig-3c9a5e71";
    private static final String SOURCE_KEY_PAIR = "K3Y9PA1R5B2E";
    /** Shaped as an API key (40 letters and digits) but nobody's: the authorizer denies it. */
    private static final String UNKNOWN_API_KEY = "Zx81QmTb0LrV6aPeK3sJwYd9uHn2CfGo7iX4NqWe";

    private final Path root = temporaryDirectory();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void removeRoot() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void theDemosLogIsJsonWithIdsAndNoSecrets() {
        Path dataDirectory = root.resolve("data");
        ByteArrayOutputStream standardError = new ByteArrayOutputStream();
        PrintStream before = System.err;
        int status;
        System.setErr(new PrintStream(standardError, true, StandardCharsets.UTF_8));
        try {
            status = DemoCommand.run(CommandLine.parse(new ArrayDeque<>(List.of("--callback", "--log-format", "json",
                    "--data-dir", dataDirectory.toString(), "--template", ProjectFiles.template().toString()))));
        } finally {
            System.setErr(before);
        }

        assertThat(status).isZero();
        String text = standardError.toString(StandardCharsets.UTF_8);
        List<JsonNode> lines = everyLineAnObject(text);
        assertThat(lines).as("what DynamoDB Local prints is a line of the log too")
                .anySatisfy(line -> assertThat(line.path("message").asText()).contains("DynamoDB Local"));
        JsonNode submitted = only(lines, "render.submitted");
        String renderId = submitted.path("renderId").asText();
        assertThat(submitted.path("owner").asText()).isNotEmpty();
        assertThat(submitted.path("outcome").asText()).isEqualTo("queued");
        assertThat(outcomes(lines, "render.produced", renderId)).contains("encoding");
        assertThat(outcomes(lines, "encoding.recorded", renderId)).contains("done");
        assertThat(outcomes(lines, "render.finished", renderId)).contains("done");
        assertThat(outcomes(lines, "asset.promoted", renderId)).isSubsetOf("promoted", "already_finished")
                .filteredOn("promoted"::equals).hasSize(3);
        assertThat(outcomes(lines, "callback.dispatched", renderId)).isSubsetOf("dispatched", "already_dispatched")
                .filteredOn("dispatched"::equals).hasSize(4);
        assertThat(metricsOf(lines, renderId)).contains("ProduceDuration", "EncodeDuration", "RenderDuration",
                "PromotionDuration", "PromotionFailures");
        Set<String> deliveries = lines.stream().filter(line -> is(line, "callback.dispatched", renderId))
                .map(line -> line.path("deliveryId").asText()).collect(Collectors.toSet());
        assertThat(lines).filteredOn(line -> line.path("event").asText().equals("callback.delivered")
                        && deliveries.contains(line.path("deliveryId").asText()))
                .isNotEmpty()
                .allSatisfy(line -> {
                    assertThat(line.path("outcome").asText()).isEqualTo("delivered");
                    assertThat(line.path("CallbackDeliveryDuration").isNumber()).isTrue();
                    assertThat(line.path("CallbackAttempt").asInt()).isEqualTo(1);
                });
        assertThat(lines).filteredOn(line -> line.path("event").asText().equals("api.request"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.path("outcome").asText()).isEqualTo("ok"));
        LocalDescriptor descriptor = LocalDescriptor.read(dataDirectory).orElseThrow();
        assertNoSecret(text, descriptor, List.of());
    }

    @Test
    void hostileRequestsLeaveNoSecretInAnyLogLine() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Path ffmpeg = BundledFfmpeg.extractTo(Path.of("target", "render-it-ffmpeg"));
        LocalDescriptor descriptor;
        String id;
        JsonNode done;
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(ProjectFiles.template(), root.resolve("data"),
                0, line -> logged.add(LogFormat.JSON.format(line)), true, Optional.of(ffmpeg), Map.of()));
                LoopbackFileServer files = LoopbackFileServer.serve(root.resolve("media"))) {
            descriptor = stack.descriptor();
            new SampleMedia(ffmpeg, root.resolve("media")).video("clip.mp4", 320, 240, 2, 440);
            List<WebhookReceiver.Received> callbacks = new CopyOnWriteArrayList<>();
            try (WebhookReceiver receiver = WebhookReceiver.start(
                    List.of(WebhookSecret.parse(descriptor.webhookSecret()).orElseThrow()), stack.clock(),
                    callbacks::add)) {
                String secretText = descriptor.webhookSecret() + " " + descriptor.apiKey(Environment.STAGE);
                String edit = """
                        {"callback": "%s?token=%s",
                         "timeline": {"tracks": [{"clips": [
                           {"asset": {"type": "title", "text": "%s"}, "start": 0, "length": 1},
                           {"asset": {"type": "video", "src": "%s?Expires=1893456000&Signature=%s&Key-Pair-Id=%s"},
                            "start": 1, "length": 1}]}]},
                         "output": {"format": "mp4", "resolution": "preview"}}
                        """.formatted(receiver.url(), CALLBACK_TOKEN, secretText, files.url("clip.mp4"),
                        SOURCE_SIGNATURE, SOURCE_KEY_PAIR);

                assertThat(post(stack, UNKNOWN_API_KEY, edit)).isEqualTo(403);
                assertThat(post(stack, descriptor.apiKey(Environment.STAGE), "{\"secret\": \"" + secretText + "\""))
                        .isEqualTo(400);
                EditApiClient api = EditApiClient.of(descriptor, Environment.STAGE);
                id = api.submit(edit);
                done = api.awaitFinished(id, Duration.ofSeconds(60), Duration.ofMillis(100), render -> {});
                assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
                assertThat(done.path("url").asText()).as("a signed URL went through the functions")
                        .contains("Signature=");
                api.awaitAssets(id, 1, Duration.ofSeconds(60), Duration.ofMillis(100));
                assertThat(get(stack, descriptor.apiKey(Environment.STAGE), "/edit/stage/render/" + id
                        + "?data=false&Expires=1893456000&Signature=" + SOURCE_SIGNATURE + "&Key-Pair-Id="
                        + SOURCE_KEY_PAIR)).as("the gateway's access log has this query").isEqualTo(200);
                awaitCallbacks(callbacks, 2);
                assertThat(stack.awaitAsyncInvocations(Duration.ofSeconds(30))).isTrue();
            }
        }

        String text = String.join("\n", logged);
        List<JsonNode> lines = everyLineAnObject(text);
        assertThat(lines).filteredOn(line -> line.path("event").asText().equals("api.authorized"))
                .extracting(line -> line.path("outcome").asText()).contains("denied", "granted");
        assertThat(lines).filteredOn(line -> line.path("event").asText().equals("api.request"))
                .extracting(line -> line.path("status").asInt()).contains(400, 201, 200);
        assertThat(outcomes(lines, "render.finished", id)).contains("done");
        assertThat(outcomes(lines, "callback.dispatched", id)).contains("dispatched");
        assertNoSecret(text, descriptor, List.of(CALLBACK_TOKEN, SOURCE_SIGNATURE, SOURCE_KEY_PAIR,
                UNKNOWN_API_KEY, done.path("url").asText()));
    }

    private int post(LocalStack stack, String apiKey, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/edit/stage/render"))
                .header("x-api-key", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private int get(LocalStack stack, String apiKey, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + pathAndQuery)).header("x-api-key", apiKey)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void awaitCallbacks(List<WebhookReceiver.Received> callbacks, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (callbacks.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(callbacks).hasSizeGreaterThanOrEqualTo(expected);
    }

    /** Every line is one JSON object; a function's names its level, time, function, request and event. */
    private static List<JsonNode> everyLineAnObject(String text) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            JsonNode object = Json.parseTrusted(line);
            assertThat(object.isObject()).as(line).isTrue();
            assertThat(object.path("level").asText()).as(line).isIn("INFO", "WARN", "ERROR");
            assertThat(object.path("timestamp").asText()).as(line)
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            if (!object.has("source")) {
                assertThat(object.path("function").asText()).as(line).startsWith("reelforge");
                assertThat(object.path("requestId").asText()).as(line).isNotEmpty();
                assertThat(object.path("event").asText()).as(line).isNotEmpty();
                assertThat(object.path("outcome").asText()).as(line).isNotEmpty();
            }
            if (object.has("_aws")) {
                assertEmbeddedMetricFormat(object, line);
            }
            lines.add(object);
        }
        assertThat(lines).isNotEmpty();
        return lines;
    }

    /** As the specification has it: metric targets numbers on the root, dimension targets strings. */
    private static void assertEmbeddedMetricFormat(JsonNode object, String line) {
        JsonNode aws = object.path("_aws");
        assertThat(aws.path("Timestamp").isIntegralNumber()).as(line).isTrue();
        assertThat(aws.path("CloudWatchMetrics").isArray()).as(line).isTrue();
        for (JsonNode directive : aws.path("CloudWatchMetrics")) {
            assertThat(directive.path("Namespace").asText()).as(line).isEqualTo("Reelforge");
            assertThat(directive.path("Dimensions").isArray()).as(line).isTrue();
            for (JsonNode dimensionSet : directive.path("Dimensions")) {
                dimensionSet.forEach(dimension -> assertThat(object.path(dimension.asText()).isTextual()).as(line)
                        .isTrue());
            }
            assertThat(directive.path("Metrics")).as(line).isNotEmpty();
            for (JsonNode metric : directive.path("Metrics")) {
                assertThat(object.path(metric.path("Name").asText()).isNumber()).as(line).isTrue();
                assertThat(metric.path("Unit").asText()).as(line).isIn("Milliseconds", "Count");
            }
        }
    }

    private static void assertNoSecret(String text, LocalDescriptor descriptor, List<String> more) {
        assertThat(text).doesNotContain(descriptor.apiKey(Environment.STAGE))
                .doesNotContain(descriptor.apiKey(Environment.V1))
                .doesNotContain(descriptor.webhookSecret())
                .doesNotContain(descriptor.webhookSecret().substring(WebhookSecret.PREFIX.length()))
                .doesNotContainIgnoringCase("Signature=")
                .doesNotContainIgnoringCase("Key-Pair-Id=")
                .doesNotContainIgnoringCase("Expires=")
                .doesNotContain("webhook-signature");
        more.forEach(secret -> assertThat(text).doesNotContain(secret));
    }

    private static boolean is(JsonNode line, String event, String renderId) {
        return line.path("event").asText().equals(event) && line.path("renderId").asText().equals(renderId);
    }

    private static JsonNode only(List<JsonNode> lines, String event) {
        List<JsonNode> found = lines.stream().filter(line -> line.path("event").asText().equals(event)).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private static List<String> outcomes(List<JsonNode> lines, String event, String renderId) {
        return lines.stream().filter(line -> is(line, event, renderId)).map(line -> line.path("outcome").asText())
                .toList();
    }

    private static Set<String> metricsOf(List<JsonNode> lines, String renderId) {
        return lines.stream().filter(line -> line.path("renderId").asText().equals(renderId))
                .flatMap(line -> stream(line.at("/_aws/CloudWatchMetrics/0/Metrics")))
                .map(metric -> metric.path("Name").asText()).collect(Collectors.toSet());
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("reelforge-logs-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
