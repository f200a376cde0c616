package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbProjects;
import dev.reelforge.core.Environment;
import dev.reelforge.core.callback.WebhookSecret;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.project.StoredProject;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.picovico.PicovicoHttp;
import dev.reelforge.local.webhooks.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Rendering Picovico projects on the embedded stack, through HTTP: the 74xx refusals in their order, credits
 * debited once and refunded once when the render fails, a project published with its video and thumbnail maps, its
 * public link, Picovico's callback (signed), and another owner seeing none of it. Photos are given by URL (files of
 * a loopback server); photos and music by id are UploadsIT's.
 */
class ProjectRenderIT {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(90);
    private static final long STARTING_CREDITS = 5_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static RenderTestStack stack;
    private static String photoUrl;

    @BeforeAll
    static void startStack() {
        stack = RenderTestStack.start();
        photoUrl = stack.url(stack.media().image("red.png", "0xFF0000", 640, 360));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static PicovicoHttp.Pair freshPair() {
        return PicovicoHttp.logIn(stack.stack(), PicovicoHttp.anotherOwner(stack.stack()).app(Environment.STAGE));
    }

    private static String draft(PicovicoHttp.Pair pair, Optional<String> name) {
        PicovicoHttp.Response created = PicovicoHttp.post(stack.stack(), "/me/videos", pair,
                name.map(text -> PicovicoHttp.form(Map.of("name", text))).orElse(""));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.body().path("id").asText();
    }

    private static JsonNode update(PicovicoHttp.Pair pair, String id, String json) {
        PicovicoHttp.Response updated = PicovicoHttp.send(stack.stack(), "POST", "/me/videos/" + id,
                Map.of("X-Access-Key", pair.accessKey(), "X-Access-Token", pair.accessToken(),
                        "Content-Type", "application/json"), Optional.of(json));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        return updated.body();
    }

    private static PicovicoHttp.Response render(PicovicoHttp.Pair pair, String id) {
        return PicovicoHttp.post(stack.stack(), "/me/videos/" + id + "/render", pair, "");
    }

    private static long credits(PicovicoHttp.Pair pair) {
        PicovicoHttp.Response me = PicovicoHttp.get(stack.stack(), "/me", pair);
        assertThat(me.status()).as(me.text()).isEqualTo(200);
        return me.body().path("credits").asLong();
    }

    private static JsonNode video(PicovicoHttp.Pair pair, String id) {
        PicovicoHttp.Response video = PicovicoHttp.get(stack.stack(), "/me/videos/" + id, pair);
        assertThat(video.status()).as(video.text()).isEqualTo(200);
        return video.body();
    }

    private static JsonNode awaitSettled(PicovicoHttp.Pair pair, String id) {
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        while (true) {
            JsonNode video = video(pair, id);
            if (!video.path("status").asText().equals("processing")) {
                return video;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("video " + id + " still processing after " + SETTLE_TIMEOUT.toSeconds()
                        + " s; the stack's last words: " + stack.lastLogLines(40));
            }
            RenderTestStack.sleep(Duration.ofMillis(200));
        }
    }

    private static void assertRefused(PicovicoHttp.Response response, int httpStatus, int code, String... named) {
        assertThat(response.status()).as(response.text()).isEqualTo(httpStatus);
        assertThat(response.body().path("error").path("status").asInt()).as(response.text()).isEqualTo(code);
        assertThat(response.errorMessage()).as(response.text()).contains(named);
        assertThat(response.text()).doesNotContain("Exception", "dev.reelforge", "\tat ");
    }

    private static String imageAsset(String url) {
        return """
                {"name": "image", "url": "%s", "start_time": 0, "end_time": 5, "data": {"text": "The beach"}}"""
                .formatted(url);
    }

    private static UUID renderOf(PicovicoHttp.Pair pair, String id) {
        StoredProject project = new DynamoDbProjects(stack.stack().services().dynamoDb(),
                stack.stack().tableName("ProjectsTable")).find(pair.userId(), Environment.STAGE, id).orElseThrow();
        return project.render().orElseThrow();
    }

    @Test
    void eachRefusalAnswersItsPicovicoCodeInOrderAndDebitsNothing() {
        PicovicoHttp.Pair pair = freshPair();
        String id = draft(pair, Optional.empty());

        assertRefused(render(pair, id), 400, 7401, "Style not defined");
        update(pair, id, """
                {"style": "vanilla", "assets": [{"name": "music", "asset_id": "no-such-track"}]}""");
        assertRefused(render(pair, id), 400, 7402, "Music not defined");
        update(pair, id, """
                {"assets": []}""");
        assertRefused(render(pair, id), 400, 7403, "Insufficient assets");
        update(pair, id, """
                {"assets": [{"name": "image", "asset_id": "no-such-photo", "start_time": 0, "end_time": 5}]}""");
        assertRefused(render(pair, id), 400, 7403, "assets[0]", "no photo of yours");
        update(pair, id, "{\"assets\": [" + imageAsset(photoUrl) + "]}");
        assertRefused(render(pair, id), 400, 7404, "No title");

        assertThat(credits(pair)).isEqualTo(STARTING_CREDITS);
        assertThat(video(pair, id).path("status").asText()).isEqualTo("initial");
    }

    @Test
    void tooFewCreditsAnswers7405With402AndLeavesTheDraftAsItWas() {
        PicovicoHttp.Pair pair = freshPair();
        String id = draft(pair, Optional.of("Expensive"));
        update(pair, id, "{\"style\": \"vanilla\", \"quality\": 720, \"assets\": [" + imageAsset(photoUrl) + "]}");
        stack.stack().services().dynamoDb().putItem(put -> put.tableName(stack.stack().tableName("AccountsTable"))
                .item(Map.of("pk", AttributeValue.fromS("credits#" + pair.userId()),
                        "kind", AttributeValue.fromS("credits"), "owner", AttributeValue.fromS(pair.userId()),
                        "balance", AttributeValue.fromN("69"))));

        assertRefused(render(pair, id), 402, 7405, "Insufficient credits", "70");

        assertThat(credits(pair)).isEqualTo(69);
        assertThat(video(pair, id).path("status").asText()).isEqualTo("initial");
    }

    @Test
    void aFailingRenderIsDebitedOnceAndRefundedOnceEvenWhenItsEventsRepeat() throws Exception {
        PicovicoHttp.Pair pair = freshPair();
        String id = draft(pair, Optional.of("Lost photos"));
        String missingPhoto = photoUrl.replace("red.png", "no-such-photo.png");
        update(pair, id, "{\"style\": \"vanilla\", \"quality\": 480, \"assets\": [" + imageAsset(missingPhoto) + "]}");

        List<PicovicoHttp.Response> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<PicovicoHttp.Response>> requests = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                requests.add(() -> render(pair, id));
            }
            for (Future<PicovicoHttp.Response> answer : pool.invokeAll(requests)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<PicovicoHttp.Response> accepted = answers.stream().filter(answer -> answer.status() == 200).toList();
        assertThat(accepted).as("of four concurrent requests, one renders").hasSize(1);
        assertThat(accepted.getFirst().body()).isEqualTo(Json.MAPPER.readTree(
                "{\"message\":\"Video is being created\",\"status\":7201}"));
        assertThat(answers.stream().filter(answer -> answer.status() == 409)).hasSize(3);
        assertThat(credits(pair)).as("debited once, 50 at 480").isEqualTo(STARTING_CREDITS - 50);
        assertThat(draft(pair, Optional.of("Next"))).as("a new POST /me/videos makes a new draft").isNotEqualTo(id);

        JsonNode failed = awaitSettled(pair, id);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("video").isNull()).isTrue();
        assertThat(failed.path("failure").asText()).as("why, for its owner")
                .startsWith("the render failed: ").contains("could not be fetched");
        assertThat(credits(pair)).as("refunded").isEqualTo(STARTING_CREDITS);
        assertRefused(render(pair, id), 409, 409, "failed");

        String outcome = LambdaJson.toJson(stack.stack().function("SettleProjectsFunction")
                .invoke(renderEnded(pair.userId(), renderOf(pair, id), id, "failed")));
        assertThat(Json.MAPPER.readTree(outcome).path("batchItemFailures")).isEmpty();
        assertThat(credits(pair)).as("a repeated event refunds nothing more").isEqualTo(STARTING_CREDITS);
    }

    @Test
    void aRenderedProjectIsPublishedWithItsVideoItsPublicLinkAndPicovicosSignedCallback() throws Exception {
        WebhookSecret secret = WebhookSecret.parse(stack.stack().descriptor().webhookSecret()).orElseThrow();
        try (WebhookReceiver receiver = WebhookReceiver.start(List.of(secret), stack.stack().clock(), callback -> {})) {
            PicovicoHttp.Pair pair = PicovicoHttp.logIn(stack.stack(), Environment.STAGE);
            long before = credits(pair);
            String id = draft(pair, Optional.of("Red day"));
            update(pair, id, "{\"style\": \"vanilla\", \"quality\": 360, \"callback_url\": \"" + receiver.url()
                    + "\", \"assets\": [" + imageAsset(photoUrl) + "]}");

            PicovicoHttp.Response rendering = render(pair, id);
            assertThat(rendering.status()).as(rendering.text()).isEqualTo(200);
            assertThat(rendering.body().path("status").asInt()).isEqualTo(7201);
            assertThat(video(pair, id).path("status").asText()).isEqualTo("processing");
            assertThat(credits(pair)).isEqualTo(before - 40);

            JsonNode published = awaitSettled(pair, id);
            assertThat(published.path("status").asText()).as(published.toString()).isEqualTo("published");
            assertThat(published.path("video").properties()).extracting(Map.Entry::getKey).containsExactly("360");
            String url = published.at("/video/360/url").asText();
            UUID renderId = renderOf(pair, id);
            assertThat(URI.create(url).getPath()).isEqualTo("/" + pair.userId() + "/" + renderId + ".mp4");
            assertThat(published.at("/video/360/size").asLong()).as("bytes").isPositive();
            assertThat(published.at("/thumbnail/360").asText()).endsWith("/" + renderId + "-thumb.jpg");
            assertThat(get(URI.create(url)).statusCode()).as("the hosted video").isEqualTo(200);
            assertThat(get(URI.create(published.at("/thumbnail/360").asText())).statusCode()).isEqualTo(200);
            assertThat(credits(pair)).as("a published video keeps its debit").isEqualTo(before - 40);

            HttpResponse<String> link = get(URI.create(stack.stack().apiUrl() + "/v/" + id + "/Red%20day.mp4"));
            assertThat(link.statusCode()).as(link.body()).isEqualTo(302);
            assertThat(link.headers().firstValue("location")).contains(url);

            Eventually.holds("the callback arrives", () -> !receiver.received().isEmpty());
            WebhookReceiver.Received callback = receiver.received().getFirst();
            assertThat(callback.verified()).as("signed with the account's webhook secret").isTrue();
            JsonNode body = Json.MAPPER.readTree(callback.body());
            assertThat(body.path("type").asText()).isEqualTo("video.created");
            assertThat(body.path("status").asText()).isEqualTo("published");
            assertThat(body.path("created").asLong()).isPositive();
            assertThat(body.at("/data/object/id").asText()).isEqualTo(id);
            assertThat(body.at("/data/object/video/0/quality").asInt()).isEqualTo(360);
            assertThat(body.at("/data/object/video/0/url").asText()).isEqualTo(url);
            assertThat(body.at("/data/object/video/0/thumbnail").asText())
                    .isEqualTo(published.at("/thumbnail/360").asText());
            assertThat(body.at("/data/object/video/0/size").asLong())
                    .isEqualTo(published.at("/video/360/size").asLong());

            PicovicoHttp.Pair other = freshPair();
            assertThat(PicovicoHttp.get(stack.stack(), "/me/videos/" + id, other).status()).isEqualTo(404);
            assertThat(render(other, id).status()).isEqualTo(404);
            assertThat(PicovicoHttp.delete(stack.stack(), "/me/videos/" + id, other).status()).isEqualTo(404);

            PicovicoHttp.Response deleted = PicovicoHttp.delete(stack.stack(), "/me/videos/" + id, pair);
            assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
            assertThat(deleted.body().path("message").asText()).isEqualTo("Video deleted");
            assertThat(get(URI.create(stack.stack().apiUrl() + "/v/" + id + "/Red%20day.mp4")).statusCode())
                    .as("a deleted video's link").isEqualTo(404);
            Eventually.holds("the deleted video's hosted file stops serving", () -> get(URI.create(url)).statusCode() != 200);
            assertThat(receiver.received()).as("one callback, however often its events came").hasSize(1);
        }
    }

    @Test
    void aLinkOfAPrivateUnpublishedUnknownOrMalformedVideoAnswers404() throws Exception {
        PicovicoHttp.Pair pair = freshPair();
        String draftId = draft(pair, Optional.of("Private"));
        update(pair, draftId, "{\"style\": \"vanilla\", \"privacy\": \"private\", \"assets\": ["
                + imageAsset(photoUrl) + "]}");
        assertLinkNotFound("/v/" + draftId + "/private.mp4");
        assertThat(render(pair, draftId).status()).isEqualTo(200);
        assertThat(awaitSettled(pair, draftId).path("status").asText()).isEqualTo("published");

        assertLinkNotFound("/v/" + draftId + "/private.mp4");
        assertLinkNotFound("/v/0123456789abcdef01234567/unknown.mp4");
        assertLinkNotFound("/v/not-an-id/video.mp4");
        assertLinkNotFound("/v/" + draftId + "/video.avi");
        assertLinkNotFound("/v/" + draftId + "/" + "a".repeat(201) + ".mp4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vanilla", "vanilla_frameless", "focus", "party_default"})
    void a720ProjectIsPublishedInThreeQualitiesOfItsLengthAndSizes(String style) {
        PicovicoHttp.Pair pair = freshPair();
        String id = draft(pair, Optional.of("Three sizes"));
        String music = "{\"name\": \"music\", \"url\": \"" + stack.url(stack.media().tone("tone.mp3", 440, 30))
                + "\", \"start_time\": 0, \"end_time\": 0}";
        String three = String.join(", ", imageAsset(photoUrl), imageAsset(photoUrl), imageAsset(photoUrl), music);
        update(pair, id, "{\"style\": \"" + style + "\", \"quality\": 720, \"assets\": [" + three + "]}");
        assertThat(render(pair, id).status()).isEqualTo(200);

        JsonNode published = awaitSettled(pair, id);

        assertThat(published.path("status").asText()).as(published.toString()).isEqualTo("published");
        assertThat(published.path("video").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("360", "480", "720");
        assertThat(published.path("thumbnail").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("360", "480", "720");
        UUID renderId = renderOf(pair, id);
        for (String quality : List.of("360", "480")) {
            assertThat(published.at("/video/" + quality + "/url").asText()).endsWith(renderId + "-" + quality + ".mp4");
            assertThat(published.at("/thumbnail/" + quality).asText()).endsWith(renderId + "-" + quality + "-thumb.jpg");
        }
        assertThat(published.at("/video/720/url").asText()).endsWith(renderId + ".mp4");
        assertThat(published.at("/thumbnail/720").asText()).endsWith(renderId + "-thumb.jpg");
        double length = published.path("duration").asDouble();
        Map<String, int[]> sizes = Map.of("360", new int[] {640, 360}, "480", new int[] {854, 480},
                "720", new int[] {1280, 720});
        RenderPlayback playback = stack.playback();
        for (String quality : List.of("360", "480", "720")) {
            Path file = stack.download(published.at("/video/" + quality + "/url").asText(), "mp4");
            assertThat(published.at("/video/" + quality + "/size").asLong()).as("bytes of %s", quality)
                    .isEqualTo(file.toFile().length());
            assertThat(playback.duration(file)).as("duration of %s (%s)", quality, style).isCloseTo(length, within(0.1));
            MediaInfo.VideoStream picture = playback.probe(file).video().orElseThrow();
            assertThat(new int[] {picture.width(), picture.height()}).as("size of %s", quality)
                    .containsExactly(sizes.get(quality));
            assertThat(playback.probe(file).hasAudio()).as("%s has the music", quality).isTrue();
            Path thumbnail = stack.download(published.at("/thumbnail/" + quality).asText(), "jpg");
            MediaInfo.VideoStream still = playback.probe(thumbnail).video().orElseThrow();
            assertThat(new int[] {still.width(), still.height()}).as("size of the %s thumbnail", quality)
                    .containsExactly(sizes.get(quality));
        }
        HttpResponse<String> link = get(URI.create(stack.stack().apiUrl() + "/v/" + id + "/three.mp4"));
        assertThat(link.headers().firstValue("location")).contains(published.at("/video/720/url").asText());
    }

    private static void assertLinkNotFound(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(URI.create(stack.stack().apiUrl() + path));
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(404);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.path("error").path("status").asInt()).isEqualTo(404);
        assertThat(body.path("error").path("message").asText()).isNotBlank();
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A MODIFY of a project's render to {@code status}, as the renders table's stream carries it, again. */
    private static DynamodbEvent renderEnded(String owner, UUID renderId, String projectId, String status) {
        String table = stack.stack().tableName("RendersTable");
        String json = """
                {"Records": [{"eventID": "repeat-1", "eventName": "MODIFY", "eventVersion": "1.1",
                  "eventSource": "aws:dynamodb", "awsRegion": "us-east-1",
                  "eventSourceARN": "arn:aws:dynamodb:us-east-1:000000000000:table/%s/stream/2026-11-22T00:00:00.000",
                  "dynamodb": {"Keys": {"owner": {"S": "%s"}, "id": {"S": "%s"}},
                    "NewImage": {"owner": {"S": "%s"}, "id": {"S": "%s"}, "status": {"S": "%s"},
                      "project": {"S": "%s"}},
                    "SequenceNumber": "1", "SizeBytes": 100, "StreamViewType": "NEW_IMAGE"}}]}"""
                .formatted(table, owner, renderId, owner, renderId, status, projectId);
        return LambdaJson.fromJson(json, DynamodbEvent.class);
    }
}
