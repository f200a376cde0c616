package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.AssetId;
import dev.reelforge.core.callback.WebhookSecret;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.account.CreateAccount;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.contract.ContractCheckingClient;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import dev.reelforge.local.webhooks.WebhookReceiver;
import dev.reelforge.media.FfmpegMediaProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Ingest API on the embedded stack, through HTTP, every exchange judged by the contract: sources fetched from a
 * URL (through the guard; the stack allows loopback) or uploaded to a signed URL, probed, stored and served by the
 * CDN, their renditions made by the MediaConvert emulator; deletion removes every file; other owners see nothing.
 */
class IngestIT {

    private static final Duration SLOW = Duration.ofSeconds(120);

    private static LocalStack stack;
    private static ContractCheckingClient api;
    private static String stageKey;
    private static Path mediaDirectory;
    private static SampleMedia media;
    private static LoopbackFileServer files;
    private static MediaProbe probe;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
        api = new ContractCheckingClient(stack.apiUrl());
        stageKey = stack.descriptor().apiKey(Environment.STAGE);
        mediaDirectory = SharedStack.temporaryDirectory("ingest-media-");
        media = new SampleMedia(stack.ffmpeg(), mediaDirectory);
        files = LoopbackFileServer.serve(mediaDirectory);
        probe = new FfmpegMediaProbe(stack.ffmpeg(), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        files.close();
    }

    private static String anotherOwnersKey() {
        return new CreateAccount(new DynamoDbAccounts(stack.services().dynamoDb(), stack.tableName("AccountsTable")),
                Clock.systemUTC(), new SecureRandom()).create(new CreateAccountCommand()).apiKeys().get(Environment.STAGE).value();
    }

    private static String postSource(String body) {
        ApiResponse posted = api.post("/ingest/stage/sources", stageKey, body);
        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(201);
        assertThat(posted.body().at("/data/type").asText()).isEqualTo("source");
        return posted.body().at("/data/id").asText();
    }

    /** The source's attributes once {@code until} holds of them. */
    private static JsonNode pollSource(String id, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + SLOW.toNanos();
        while (true) {
            ApiResponse response = api.get("/ingest/stage/sources/" + id, stageKey);
            assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
            JsonNode attributes = response.body().at("/data/attributes");
            if (until.test(attributes)) {
                return attributes;
            }
            assertThat(System.nanoTime() < deadline).as("source %s: %s, within %s", id, attributes, SLOW).isTrue();
            sleep(200);
        }
    }

    private static boolean ended(JsonNode attributes) {
        String status = attributes.path("status").asText();
        if (status.equals("failed")) {
            return true;
        }
        if (!status.equals("ready")) {
            return false;
        }
        for (JsonNode rendition : attributes.at("/outputs/renditions")) {
            if (rendition.path("status").asText().equals("queued")) {
                return false;
            }
        }
        return true;
    }

    private static MediaInfo probed(String url, String name) {
        HttpResponse<byte[]> file = PlainHttp.get(url);
        assertThat(file.statusCode()).as(url).isEqualTo(200);
        try {
            Path local = Files.write(mediaDirectory.resolve("fetched-" + name), file.body());
            return switch (probe.probe(local)) {
                case MediaProbe.ProbeResult.Probed probed -> probed.info();
                case MediaProbe.ProbeResult.Unreadable unreadable ->
                        throw new AssertionError(url + " does not probe: " + unreadable.reason());
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aSourceFetchedByUrlIsProbedStoredAndServedByTheCdn() throws IOException {
        Path video = media.video("by-url.mp4", 320, 240, 2, 440);
        String id = postSource("{\"url\":\"" + files.url("by-url.mp4") + "\"}");

        JsonNode source = pollSource(id, IngestIT::ended);

        assertThat(source.path("status").asText()).as(source.toString()).isEqualTo("ready");
        assertThat(source.path("id").asText()).isEqualTo(id);
        assertThat(source.path("owner").asText()).isEqualTo(stack.descriptor().owner());
        assertThat(source.path("input").asText()).isEqualTo(files.url("by-url.mp4").toString());
        assertThat(source.path("width").asInt()).isEqualTo(320);
        assertThat(source.path("height").isInt()).as("the newest contract types it as an integer").isTrue();
        assertThat(source.path("height").asInt()).isEqualTo(240);
        assertThat(source.path("duration").asDouble()).isBetween(1.9, 2.1);
        assertThat(source.path("fps").asDouble()).isEqualTo(25.0);
        HttpResponse<byte[]> served = PlainHttp.get(source.path("source").asText());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(Files.readAllBytes(video));

        ApiResponse list = api.get("/ingest/stage/sources", stageKey);
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().path("data").forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids).contains(id);
    }

    @Test
    void aUrlTheGuardRefusesFailsTheSource() {
        String id = postSource("{\"url\":\"http://169.254.169.254/latest/meta-data\"}");

        JsonNode source = pollSource(id, IngestIT::ended);

        assertThat(source.path("status").asText()).isEqualTo("failed");
        assertThat(source.has("source")).isFalse();
    }

    @Test
    void whatIsNotBuiltIsRefusedWith400NamingTheFieldInTheIngestErrorShape() {
        String url = files.url("anything.mp4").toString();
        for (String[] refused : new String[][] {
                {"{\"url\":\"" + url + "\",\"outputs\":{\"transcription\":{\"format\":\"srt\"}}}", "outputs.transcription"},
                {"{\"url\":\"" + url + "\",\"destinations\":{\"provider\":\"mux\"}}", "destinations.provider"},
                {"{\"url\":\"" + url + "\",\"destinations\":{\"provider\":\"shotstack\",\"exclude\":true}}",
                        "destinations.exclude"},
                {"{\"outputs\":{}}", "url"},
                {"{\"url\":\"ftp://example.com/a.mp4\"}", "url"},
                {"{\"url\":\"" + url + "\",\"callback\":\"not a url\"}", "callback"}}) {
            ApiResponse response = api.post("/ingest/stage/sources", stageKey, refused[0]);

            assertThat(response.status()).as(refused[0]).isEqualTo(400);
            JsonNode error = response.body().at("/errors/0");
            assertThat(error.path("status").asText()).isEqualTo("400");
            assertThat(error.path("title").asText()).isEqualTo("Validation Error");
            assertThat(error.path("detail").asText()).as(refused[0]).startsWith(refused[1] + " ");
        }
    }

    @Test
    void anotherOwnerNeverSeesASource() {
        media.video("private.mp4", 160, 120, 1, 440);
        String id = postSource("{\"url\":\"" + files.url("private.mp4") + "\"}");
        String otherKey = anotherOwnersKey();

        assertThat(api.get("/ingest/stage/sources/" + id, otherKey).status()).isEqualTo(404);
        assertThat(api.delete("/ingest/stage/sources/" + id, otherKey).status()).isEqualTo(404);
        assertThat(api.get("/ingest/stage/sources", otherKey).body().path("data")).isEmpty();
        assertThat(api.get("/ingest/v1/sources/" + id, stack.descriptor().apiKey(Environment.V1)).status())
                .as("another environment's source is not found either").isEqualTo(404);
        assertThat(api.get("/ingest/stage/sources/" + id, stageKey).status()).isEqualTo(200);
    }

    @Test
    void anUnknownSourceIsNotFound() {
        ApiResponse response = api.get("/ingest/stage/sources/00000000-0000-4000-8000-000000000000", stageKey);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().at("/errors/0/status").asText()).isEqualTo("404");
        assertThat(api.get("/ingest/stage/sources/zzytey4v-32km-kq1z-aftr-3kcuqi0brad2", stageKey).status())
                .as("an id of the contract's form that is no UUID names no source").isEqualTo(404);
    }

    @Test
    void deletingASourceRemovesItsFileFromTheCdn() {
        media.video("to-delete.mp4", 160, 120, 1, 440);
        String id = postSource("{\"url\":\"" + files.url("to-delete.mp4") + "\"}");
        JsonNode ready = pollSource(id, IngestIT::ended);
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        String url = ready.path("source").asText();
        assertThat(PlainHttp.get(url).statusCode()).isEqualTo(200);
        String assetPath = "/serve/stage/assets/" + AssetId.of(UUID.fromString(id), url.substring(url.lastIndexOf('/') + 1));
        ApiResponse asset = api.get(assetPath, stageKey);
        assertThat(asset.status()).as("the stored file is a Serve asset of its source").isEqualTo(200);
        assertThat(asset.body().at("/data/attributes/renderId").asText()).isEqualTo(id);
        assertThat(asset.body().at("/data/attributes/url").asText()).isEqualTo(url);

        ApiResponse deleted = api.delete("/ingest/stage/sources/" + id, stageKey);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/ingest/stage/sources/" + id, stageKey).body().at("/data/attributes/status").asText())
                .isEqualTo("deleted");
        assertThat(api.get(assetPath, stageKey).body().at("/data/attributes/status").asText()).isEqualTo("deleted");
        // the CDN reads the bucket without listing it: a missing file is a 403, as on AWS
        Eventually.holds("the deleted source's file is gone from the CDN",
                () -> List.of(403, 404).contains(PlainHttp.get(url).statusCode()));
        assertThat(api.delete("/ingest/stage/sources/" + id, stageKey).status()).as("again").isEqualTo(204);
        List<String> listed = new ArrayList<>();
        api.get("/ingest/stage/sources", stageKey).body().path("data")
                .forEach(item -> listed.add(item.path("id").asText()));
        assertThat(listed).doesNotContain(id);
    }
    private static final String THREE_RENDITIONS = """
            {"renditions": [
              {"format": "mp4", "size": {"width": 320, "height": 180}, "fps": 15},
              {"format": "webm", "resolution": "preview"},
              {"format": "mp4", "size": {"width": 160}, "fps": 12, "filename": "tiny"}
            ]}""";

    /** Each rendition of {@link #THREE_RENDITIONS} of a 2-second 640x360 source: ready, served, probed as asked. */
    private static void assertThreeRenditions(String id, JsonNode source) {
        assertThat(source.path("status").asText()).as(source.toString()).isEqualTo("ready");
        JsonNode renditions = source.at("/outputs/renditions");
        assertThat(renditions).hasSize(3);
        int[][] sizes = {{320, 180}, {512, 288}, {160, 90}};
        double[] fps = {15, 25, 12};
        for (int i = 0; i < 3; i++) {
            JsonNode rendition = renditions.get(i);
            assertThat(rendition.path("status").asText()).as(rendition.toString()).isEqualTo("ready");
            assertThat(rendition.path("width").asInt()).isEqualTo(sizes[i][0]);
            assertThat(rendition.path("height").asInt()).isEqualTo(sizes[i][1]);
            assertThat(rendition.path("duration").asDouble()).isBetween(1.9, 2.1);
            assertThat(rendition.path("fps").asDouble()).isEqualTo(fps[i]);
            assertThat(rendition.path("transformation").path("format").asText()).isIn("mp4", "webm");
            MediaInfo file = probed(rendition.path("url").asText(), id + "-" + i);
            MediaInfo.VideoStream video = file.video().orElseThrow();
            assertThat(video.width()).as("rendition %s width", i).isEqualTo(sizes[i][0]);
            assertThat(video.height()).as("rendition %s height", i).isEqualTo(sizes[i][1]);
            assertThat(video.fps()).as("rendition %s fps", i).isCloseTo(fps[i], org.assertj.core.data.Offset.offset(0.01));
            assertThat(file.duration().orElseThrow()).as("rendition %s duration", i).isBetween(1.9, 2.1);
        }
        assertThat(renditions.get(1).path("url").asText()).endsWith(".webm");
        assertThat(renditions.get(2).path("url").asText()).endsWith(id + "-tiny.mp4");
    }

    @Test
    void aSourceFetchedByUrlIsMadeIntoThreeRenditionsServedByTheCdn() {
        media.video("three.mp4", 640, 360, 2, 440);
        String id = postSource("{\"url\":\"" + files.url("three.mp4") + "\",\"outputs\":" + THREE_RENDITIONS + "}");

        JsonNode source = pollSource(id, IngestIT::ended);

        assertThreeRenditions(id, source);
    }

    @Test
    void aFileUploadedToTheSignedUrlIsImportedAsTheSdkAsksForIt() throws IOException {
        Path video = media.video("uploaded.mp4", 320, 240, 1, 440);

        ApiResponse upload = api.post("/ingest/stage/upload", stageKey, null);

        assertThat(upload.status()).as(upload.body().toString()).isEqualTo(200);
        assertThat(upload.body().at("/data/type").asText()).isEqualTo("upload");
        String id = upload.body().at("/data/id").asText();
        assertThat(upload.body().at("/data/attributes/id").asText()).isEqualTo(id);
        assertThat(upload.body().at("/data/attributes/expires").asText()).matches("\\d{4}-.*Z");
        assertThat(api.get("/ingest/stage/sources/" + id, stageKey).body().at("/data/attributes/status").asText())
                .as("waiting for its file").isEqualTo("queued");
        assertThat(PlainHttp.put(upload.body().at("/data/attributes/url").asText(), video)).isEqualTo(200);

        JsonNode source = pollSource(id, IngestIT::ended);

        assertThat(source.path("status").asText()).isEqualTo("ready");
        assertThat(source.has("input")).as("an upload came from no URL").isFalse();
        assertThat(source.path("width").asInt()).isEqualTo(320);
        assertThat(PlainHttp.get(source.path("source").asText()).body()).isEqualTo(Files.readAllBytes(video));
    }

    @Test
    void anUploadAskingForThreeRenditionsGetsThemAndDeletingItRemovesEveryFile() {
        Path video = media.video("uploaded-three.mp4", 640, 360, 2, 440);
        ApiResponse upload = api.post("/ingest/stage/upload", stageKey, "{\"outputs\":" + THREE_RENDITIONS + "}");
        assertThat(upload.status()).as(upload.body().toString()).isEqualTo(200);
        String id = upload.body().at("/data/id").asText();
        assertThat(PlainHttp.put(upload.body().at("/data/attributes/url").asText(), video)).isEqualTo(200);

        JsonNode source = pollSource(id, IngestIT::ended);
        assertThreeRenditions(id, source);

        assertThat(api.delete("/ingest/stage/sources/" + id, stageKey).status()).isEqualTo(204);

        JsonNode deleted = api.get("/ingest/stage/sources/" + id, stageKey).body().at("/data/attributes");
        assertThat(deleted.path("status").asText()).isEqualTo("deleted");
        deleted.at("/outputs/renditions").forEach(rendition ->
                assertThat(rendition.path("status").asText()).isEqualTo("deleted"));
        List<String> urls = new ArrayList<>(List.of(source.path("source").asText()));
        source.at("/outputs/renditions").forEach(rendition -> urls.add(rendition.path("url").asText()));
        for (String url : urls) {
            Eventually.holds(url + " is gone from the CDN", () -> List.of(403, 404).contains(PlainHttp.get(url).statusCode()));
        }
    }

    @Test
    void aReadySourcesUrlIsAnEditsAssetSource() {
        media.video("for-an-edit.mp4", 320, 180, 2, 440);
        String id = postSource("{\"url\":\"" + files.url("for-an-edit.mp4") + "\"}");
        String url = pollSource(id, IngestIT::ended).path("source").asText();

        ApiResponse render = api.post("/edit/stage/render", stageKey, """
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "video", "src": "%s"}, "start": 0, "length": 1}]}]},
                 "output": {"format": "mp4", "resolution": "preview"}}""".formatted(url));
        assertThat(render.status()).as(render.body().toString()).isEqualTo(201);
        String renderId = render.body().at("/response/id").asText();

        long deadline = System.nanoTime() + SLOW.toNanos();
        String status;
        do {
            sleep(200);
            status = api.get("/edit/stage/render/" + renderId, stageKey).body().at("/response/status").asText();
            assertThat(System.nanoTime() < deadline).as("render %s still %s", renderId, status).isTrue();
        } while (!status.equals("done") && !status.equals("failed"));
        assertThat(status).isEqualTo("done");
    }
    @Test
    void theCallbackHearsSignedOfTheSourceAndOfEachRenditionInShotstacksIngestBody() {
        media.video("called-back.mp4", 320, 180, 1, 440);
        WebhookSecret secret = WebhookSecret.parse(stack.descriptor().webhookSecret()).orElseThrow();
        try (WebhookReceiver receiver = WebhookReceiver.start(List.of(secret), stack.clock(), callback -> {})) {
            String id = postSource("{\"url\":\"" + files.url("called-back.mp4") + "\",\"callback\":\""
                    + receiver.url() + "\",\"outputs\":{\"renditions\":[{\"format\":\"mp4\",\"size\":{\"width\":160,"
                    + "\"height\":90}}]}}");
            JsonNode source = pollSource(id, IngestIT::ended);
            String renditionId = source.at("/outputs/renditions/0/id").asText();

            Eventually.holds("the source's and its rendition's callbacks arrive", () -> receiver.received().stream()
                    .map(WebhookReceiver.Received::webhookId).distinct().count() == 2);

            List<JsonNode> bodies = new ArrayList<>();
            for (WebhookReceiver.Received received : receiver.received()) {
                assertThat(received.verified()).as(received.verification()).isTrue();
                bodies.add(Json.parseTrusted(received.body()));
            }
            JsonNode sourceCallback = bodies.stream().filter(body -> body.path("action").asText().equals("source"))
                    .findFirst().orElseThrow();
            assertThat(sourceCallback.path("type").asText()).isEqualTo("ingest");
            assertThat(sourceCallback.path("id").asText()).isEqualTo(id);
            assertThat(sourceCallback.path("owner").asText()).isEqualTo(stack.descriptor().owner());
            assertThat(sourceCallback.path("status").asText()).isEqualTo("ready");
            assertThat(sourceCallback.path("url").asText()).isEqualTo(source.path("source").asText());
            assertThat(sourceCallback.path("error").isNull()).isTrue();
            assertThat(sourceCallback.path("completed").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            JsonNode renditionCallback = bodies.stream()
                    .filter(body -> body.path("action").asText().equals("rendition")).findFirst().orElseThrow();
            assertThat(renditionCallback.path("id").asText()).isEqualTo(renditionId);
            assertThat(renditionCallback.path("status").asText()).isEqualTo("ready");
            assertThat(renditionCallback.path("url").asText())
                    .isEqualTo(source.at("/outputs/renditions/0/url").asText());
        }
    }
}
