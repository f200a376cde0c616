package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.AssetId;
import dev.reelforge.core.callback.WebhookSecret;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.ibm.IbmHttp;
import dev.reelforge.local.ibm.IbmHttp.Response;
import dev.reelforge.local.webhooks.WebhookReceiver;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Videos of real renders on a stack of its own (these tests move its clock): a rendered MP4 is described by its
 * hosted file and its render, and one set to expire at a given time is deleted by the sweep that runs within a
 * minute of it, exactly as the Serve API deletes an asset (asset {@code deleted}, hosted file removed), after which
 * every IBM route answers 404 and the render's callback receives an {@code expire}; a rule set back to
 * {@code never} in time keeps the video.
 */
class VideoExpirationIT {

    private static final String EDIT = """
            {"callback": "%s",
             "timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Expiring"}, "start": 0, "length": 2}]}]},
             "output": {"format": "mp4", "resolution": "preview", "thumbnail": {"capture": 1, "scale": 0.5}}}
            """;
    private static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RenderTestStack stack;
    private static String token;
    private static String hostingBucket;
    private WebhookReceiver receiver;

    @BeforeAll
    static void startStack() {
        stack = RenderTestStack.start();
        token = IbmHttp.accessToken(stack.stack(), Environment.STAGE);
        hostingBucket = stack.stack().function("RemoveHostedFilesFunction").definition().environment()
                .get("HOSTING_BUCKET");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void startReceiver() {
        WebhookSecret secret = WebhookSecret.parse(stack.stack().descriptor().webhookSecret()).orElseThrow();
        receiver = WebhookReceiver.start(List.of(secret), stack.stack().clock(), callback -> {});
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private record Rendered(String renderId, UUID id, JsonNode render) {

        String path() {
            return "/videos/" + id + ".json";
        }

        String expiration() {
            return "/videos/" + id + "/expiration.json";
        }
    }

    /** Renders a two-second video whose render calls the receiver back, and waits until it is a video. */
    private Rendered renderedVideo() {
        JsonNode render = stack.render(Environment.STAGE, EDIT.formatted(receiver.url())).render();
        String renderId = render.path("id").asText();
        UUID id = AssetId.of(UUID.fromString(renderId), renderId + ".mp4");
        Eventually.holds("render " + renderId + " is a video",
                () -> IbmHttp.get(stack.stack(), "/videos/" + id + ".json", token).status() == 200);
        return new Rendered(renderId, id, render);
    }

    private JsonNode serveAsset(UUID id) {
        ApiResponse response = stack.api().get("/serve/stage/assets/" + id, stack.key(Environment.STAGE));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body().at("/data/attributes");
    }

    private long hostedSize(String renderId) {
        return stack.stack().services().s3().headObject(head -> head.bucket(hostingBucket)
                .key(S3HostedFiles.key(stack.owner(), renderId + ".mp4"))).contentLength();
    }

    private boolean isHosted(String renderId) {
        try {
            hostedSize(renderId);
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static int statusOf(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /**
     * Moves the stack's clock to {@code when} and runs the sweep then, as its every-minute schedule does (a jump of a
     * minute or more fires it by itself too; firing it here keeps the test from depending on the jump's exact size).
     */
    private void sweepAt(Instant when) throws InterruptedException {
        stack.stack().clock().advance(Duration.between(stack.stack().clock().instant(), when));
        stack.stack().fireSchedules("ExpireVideosFunction");
        assertThat(stack.stack().awaitAsyncInvocations(Duration.ofSeconds(60))).as("the sweep ran").isTrue();
    }

    @Test
    void aRenderedVideoIsDescribedByItsHostedFileAndItsRender() throws Exception {
        Rendered rendered = renderedVideo();

        JsonNode video = IbmHttp.get(stack.stack(), rendered.path(), token).body().path("video");

        assertThat(Long.parseLong(video.path("file_size").asText())).isEqualTo(hostedSize(rendered.renderId()));
        assertThat(new BigDecimal(video.path("length").asText()))
                .isEqualByComparingTo(BigDecimal.valueOf(rendered.render().path("duration").asDouble()));
        assertThat(new BigDecimal(video.path("length").asText())).isBetween(new BigDecimal("1.9"), new BigDecimal("2.1"));
        assertThat(video.path("url").asText()).isEqualTo(serveAsset(rendered.id()).path("url").asText());
        assertThat(statusOf(video.path("url").asText())).isEqualTo(200);
        Eventually.holds("the thumbnail is hosted", () -> IbmHttp.get(stack.stack(), rendered.path(), token).body()
                .at("/video/thumbnail/default").isTextual());
        String thumbnail = IbmHttp.get(stack.stack(), rendered.path(), token).body().at("/video/thumbnail/default")
                .asText();
        assertThat(thumbnail).endsWith("/" + rendered.renderId() + "-thumb.jpg");
        assertThat(statusOf(thumbnail)).isEqualTo(200);
    }

    @Test
    void aVideoExpiresWithinAMinuteOfItsTimeAsTheServeApiDeletesAndItsRendersCallbackHearsOfIt() throws Exception {
        Rendered rendered = renderedVideo();
        String url = IbmHttp.get(stack.stack(), rendered.path(), token).body().at("/video/url").asText();
        Instant expiresAt = stack.stack().clock().instant().plusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        Response set = IbmHttp.put(stack.stack(), rendered.expiration(), token,
                IbmHttp.form(Map.of("rule", "at_given_time", "expires_at", Long.toString(expiresAt.getEpochSecond()))));
        assertThat(set.status()).as(set.text()).isEqualTo(200);

        sweepAt(expiresAt.minusSeconds(30));
        assertThat(IbmHttp.get(stack.stack(), rendered.path(), token).status()).as("not before its time")
                .isEqualTo(200);
        assertThat(serveAsset(rendered.id()).path("status").asText()).isEqualTo("ready");

        sweepAt(expiresAt.plusSeconds(30));

        assertThat(serveAsset(rendered.id()).path("status").asText()).as("the stack's last words: %s",
                stack.lastLogLines(40)).isEqualTo("deleted");
        Eventually.holds("the hosted file is removed", () -> !isHosted(rendered.renderId()));
        assertThat(statusOf(url)).as("the CDN serves it no more").isNotEqualTo(200);
        for (Response gone : List.of(IbmHttp.get(stack.stack(), rendered.path(), token),
                IbmHttp.put(stack.stack(), rendered.path(), token, "title=back"),
                IbmHttp.delete(stack.stack(), rendered.path(), token),
                IbmHttp.get(stack.stack(), rendered.expiration(), token),
                IbmHttp.put(stack.stack(), rendered.expiration(), token, "rule=never"))) {
            assertThat(gone.status()).as(gone.text()).isEqualTo(404);
            assertThat(gone.body().path("error").asText()).isEqualTo("not_found");
        }
        assertThat(IbmHttp.get(stack.stack(), "/users/self/videos.json", token).body().path("videos")
                .findValuesAsText("url")).doesNotContain(url);
        WebhookReceiver.Received expire = awaitCallback("expire");
        assertThat(expire.verified()).isTrue();
        JsonNode body = Json.parseTrusted(expire.body());
        assertThat(body.path("type").asText()).isEqualTo("serve");
        assertThat(body.path("id").asText()).isEqualTo(rendered.id().toString());
        assertThat(body.path("render").asText()).isEqualTo(rendered.renderId());
        assertThat(body.path("owner").asText()).isEqualTo(stack.owner());
        assertThat(body.path("status").asText()).isEqualTo("deleted");
        assertThat(body.path("url").isNull()).isTrue();
        assertThat(Instant.parse(body.path("completed").asText())).isBetween(expiresAt, expiresAt.plusSeconds(60));
    }

    @Test
    void aVideoSetBackToNeverBeforeItsTimeIsKept() throws Exception {
        Rendered rendered = renderedVideo();
        Instant expiresAt = stack.stack().clock().instant().plusSeconds(120);
        IbmHttp.put(stack.stack(), rendered.expiration(), token,
                IbmHttp.form(Map.of("rule", "at_given_time", "expires_at", Long.toString(expiresAt.getEpochSecond()))));

        Response never = IbmHttp.put(stack.stack(), rendered.expiration(), token, "rule=never");
        sweepAt(expiresAt.plusSeconds(300));

        assertThat(never.status()).as(never.text()).isEqualTo(200);
        assertThat(IbmHttp.get(stack.stack(), rendered.path(), token).status()).isEqualTo(200);
        assertThat(IbmHttp.get(stack.stack(), rendered.expiration(), token).body().at("/expiration/rule").asText())
                .isEqualTo("never");
        assertThat(serveAsset(rendered.id()).path("status").asText()).isEqualTo("ready");
        assertThat(isHosted(rendered.renderId())).isTrue();
        assertThat(receiver.received()).noneMatch(callback -> callback.body().contains("\"expire\""));
    }

    private WebhookReceiver.Received awaitCallback(String action) {
        Instant deadline = Instant.now().plus(CALLBACK_TIMEOUT);
        while (true) {
            Optional<WebhookReceiver.Received> found = receiver.received().stream()
                    .filter(callback -> Json.parseTrusted(callback.body()).path("action").asText().equals(action))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + action + " callback; received: " + receiver.received()
                        + "; the stack's last words: " + stack.lastLogLines(30));
            }
            RenderTestStack.sleep(Duration.ofMillis(100));
        }
    }
}
