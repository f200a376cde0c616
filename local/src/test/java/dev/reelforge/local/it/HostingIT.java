package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Seed 000's polling workflow on the embedded stack, end to end, with time made to pass: submit an edit, poll the
 * render until done, poll the Serve API by render id until its assets are ready, play the CDN URL; a day later the
 * temporary URL is refused, two days later the temporary file is gone while the CDN copy plays on; deleting the
 * asset takes it off the CDN. A stack of its own, since the test moves its clock days ahead.
 */
class HostingIT {

    private static final Duration ASSETS_TIMEOUT = Duration.ofSeconds(30);

    private static RenderTestStack stack;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startStack() {
        stack = RenderTestStack.start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aRenderIsHostedOnTheCdnAndOutlivesItsTemporaryUrlAndFileUntilItsOwnerDeletesIt() {
        Path clip = stack.media().video("hosted-clip.mp4", 640, 360, 3, 440);
        String edit = """
                {"timeline": {"tracks": [{"clips": [
                   {"asset": {"type": "video", "src": "%s"}, "start": 0, "length": 3}]}]},
                 "output": {"format": "mp4", "resolution": "sd", "poster": {"capture": 1}}}
                """.formatted(stack.url(clip));

        // 1. submit, poll the render until done
        JsonNode render = stack.render(Environment.STAGE, edit).render();
        String renderId = render.path("id").asText();
        URI temporaryUrl = URI.create(render.path("url").asText());

        // 2. poll the Serve API by render id until every output is ready
        JsonNode assets = awaitAssetsReady(renderId, 2);
        Map<String, JsonNode> byFilename = new HashMap<>();
        assets.forEach(asset -> byFilename.put(asset.at("/attributes/filename").asText(), asset.path("attributes")));
        assertThat(byFilename).containsOnlyKeys(renderId + ".mp4", renderId + "-poster.jpg");
        JsonNode video = byFilename.get(renderId + ".mp4");
        URI cdnUrl = URI.create(video.path("url").asText());
        assertThat(video.path("renderId").asText()).isEqualTo(renderId);
        assertThat(video.path("owner").asText()).isEqualTo(stack.owner());
        assertThat(cdnUrl.getPath()).as("seed 000: the temporary URL maps to its CDN URL by owner and id")
                .isEqualTo("/" + stack.owner() + "/" + renderId + ".mp4").isEqualTo(temporaryUrl.getPath());

        // 3. the CDN URL plays: ffmpeg reads it over HTTP, with the timeline's length and the sd size
        assertPlays(cdnUrl, 3.0);
        assertThat(get(temporaryUrl).statusCode()).as("the temporary URL works on its first day").isEqualTo(200);

        // 4. a day and an hour later, the temporary URL is refused; the CDN copy is untouched
        stack.stack().clock().advance(Duration.ofHours(25));
        HttpResponse<String> expired = get(temporaryUrl);
        assertThat(expired.statusCode()).as("the temporary URL after 25 hours").isEqualTo(403);
        assertThat(expired.body()).contains("AccessDenied");
        assertThat(get(cdnUrl).statusCode()).isEqualTo(200);

        // 5. two days and an hour later, the lifecycle rule has taken the temporary file; the CDN copy plays on
        stack.stack().clock().advance(Duration.ofHours(24));
        assertThat(temporaryObjectExists(renderId + ".mp4")).as("the temporary file after 49 hours").isFalse();
        assertPlays(cdnUrl, 3.0);
        ApiResponse stillReady = stack.api().get("/serve/stage/assets/" + video.path("id").asText(),
                stack.key(Environment.STAGE));
        assertThat(stillReady.body().at("/data/attributes/status").asText()).isEqualTo("ready");

        // 6. the owner deletes the asset: 204, recorded as deleted, gone from the CDN; deleting again is harmless
        String assetPath = "/serve/stage/assets/" + video.path("id").asText();
        assertThat(stack.api().delete(assetPath, stack.key(Environment.STAGE)).status()).isEqualTo(204);
        ApiResponse deleted = stack.api().get(assetPath, stack.key(Environment.STAGE));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().at("/data/attributes/status").asText()).isEqualTo("deleted");
        Eventually.holds("the deleted asset's CDN URL stops serving", () -> get(cdnUrl).statusCode() != 200);
        assertThat(get(cdnUrl).statusCode()).as("a deleted asset's CDN URL").isIn(403, 404);
        assertThat(stack.api().delete(assetPath, stack.key(Environment.STAGE)).status()).isEqualTo(204);
        URI posterUrl = URI.create(byFilename.get(renderId + "-poster.jpg").path("url").asText());
        assertThat(get(posterUrl).statusCode()).as("the render's other asset stays").isEqualTo(200);
    }

    private JsonNode awaitAssetsReady(String renderId, int count) {
        Instant deadline = Instant.now().plus(ASSETS_TIMEOUT);
        while (true) {
            ApiResponse response = stack.api().get("/serve/stage/assets/render/" + renderId,
                    stack.key(Environment.STAGE));
            JsonNode data = response.body().path("data");
            List<String> statuses = data.findValuesAsText("status");
            if (response.status() == 200 && statuses.size() == count && statuses.stream().allMatch("ready"::equals)) {
                return data;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the assets of render " + renderId + " are not all ready after "
                        + ASSETS_TIMEOUT.toSeconds() + " s: " + response.status() + " " + response.body()
                        + "; the stack's last words: " + stack.lastLogLines(30));
            }
            RenderTestStack.sleep(Duration.ofMillis(100));
        }
    }

    /** ffmpeg reads the file over HTTP: an H.264 picture of the sd size, AAC sound, the timeline's length. */
    private void assertPlays(URI url, double seconds) {
        assertThat(url.getHost()).as("served on loopback: %s", url).isEqualTo("127.0.0.1");
        RenderPlayback playback = stack.playback();
        String description = playback.describeAt(url);
        assertThat(description).as("ffmpeg -i %s", url).contains("Video: h264").contains("1024x576")
                .contains("Audio: aac");
        assertThat(playback.durationAt(url)).as("duration of %s", url).isCloseTo(seconds, Offset.offset(0.1));
    }

    private boolean temporaryObjectExists(String filename) {
        String bucket = stack.stack().function("RenderWorkerFunction").definition().environment().get("TEMP_BUCKET");
        try {
            stack.stack().services().s3().headObject(head -> head.bucket(bucket)
                    .key("renders/" + stack.owner() + "/" + filename));
            return true;
        } catch (NoSuchKeyException gone) {
            return false;
        }
    }

    private HttpResponse<String> get(URI url) {
        try {
            return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
