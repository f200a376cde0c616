package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.callback.WebhookSecret;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.contract.ContractCheckingClient;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.webhooks.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.model.Job;
import software.amazon.awssdk.services.mediaconvert.model.JobStatus;
import software.amazon.awssdk.services.mediaconvert.model.Order;

/**
 * The embedded stack, run as {@code ./reelforge local} runs it, killed with SIGKILL while four renders are at
 * different points of their lives, picked by watching the renders and the MediaConvert emulator (never by
 * sleeping), then started again on the same data directory: every render ends {@code done} within a minute of the
 * stack being up again, with one hosted asset per output (ready, served by the CDN) and its callbacks, each
 * webhook-id received once by the user's receiver.
 *
 * <ul>
 *   <li>W: its MediaConvert job has just reported COMPLETE (its events, promotions and callbacks in flight or not
 *       begun).</li>
 *   <li>X: its job is PROGRESSING in MediaConvert (it waited behind W's).</li>
 *   <li>F: the worker is fetching its source (the user's media host holds the request): with X, the case a user
 *       reported, one render encoding and one on its way to it.</li>
 *   <li>Q: just submitted, still queued behind F.</li>
 * </ul>
 */
class StackKillIT {

    /** What a user may expect of a restarted stack: every render finished within a minute. */
    private static final Duration AFTER_RESTART = Duration.ofSeconds(60);
    /**
     * The callbacks queue's visibility timeout (template.yaml): a callback whose message was being delivered when the
     * stack was killed comes back when it ends, as on SQS, however soon the stack is up again.
     */
    private static final Duration CALLBACKS_VISIBILITY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(5);
    /** How late a request the killed stack sent may still be read by the receiver. */
    private static final Duration LAST_WORDS = Duration.ofSeconds(1);
    private static final String EDIT = """
            {"callback": "%s",
             "timeline": {"tracks": [{"clips": [{"asset": %s, "start": 0, "length": 2}]}]},
             "output": {"format": "mp4", "resolution": "%s", "poster": {"capture": 1},
                        "thumbnail": {"capture": 1, "scale": 0.5}}}
            """;
    private static final String TITLE = "{\"type\": \"title\", \"text\": \"Killed and back\"}";
    private static final int STREAMED_SECONDS = 30;
    /** A title zooming in for 30 s: composed and encoded at a few times realtime (seconds), long enough to be killed. */
    private static final String STREAMED_EDIT = """
            {"timeline": {"tracks": [{"clips": [{"asset": %s, "start": 0, "length": %d, "effect": "zoomIn"}]}]},
             "output": {"format": "mp4", "resolution": "hd"}}
            """.formatted(TITLE, STREAMED_SECONDS);

    private final Path root = SharedStack.temporaryDirectory("reelforge-kill-");
    private final Path dataDirectory = root.resolve("data");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> jobIds = new LinkedHashMap<>();
    private StackProcess stack;
    private ContractCheckingClient api;
    private MediaConvertClient mediaConvert;
    private HoldingMediaHost mediaHost;
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (mediaConvert != null) {
            mediaConvert.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (mediaHost != null) {
            mediaHost.close();
        }
        http.close();
        SharedStack.deleteRecursively(root);
    }

    @Test
    void everyRenderKilledOnItsWayEndsDoneWithItsAssetsAndEachCallbackOnceAfterARestart() {
        startStack();
        receiver = WebhookReceiver.start(List.of(WebhookSecret.parse(stack.descriptor().webhookSecret())
                .orElseThrow()), Clock.systemUTC(), callback -> {});
        mediaHost = HoldingMediaHost.start();
        // the contract's validator loads on first use: not while the renders run
        assertThat(api.get("/edit/stage/render/" + UUID.randomUUID(), key()).status()).isEqualTo(404);

        // The worker takes the renders in order, the emulator their jobs: W's job (HD frames) still runs when X's
        // is created behind it, and the worker has reached F's fetch by then.
        mediaHost.holdRequests();
        String w = submit(TITLE, "hd");
        String x = submit(TITLE, "preview");
        String f = submit("{\"type\": \"image\", \"src\": \"" + mediaHost.url() + "\"}", "preview");
        String q = submit(TITLE, "preview");
        awaitBeforeTheKill("F's source being fetched", () -> mediaHost.holding() > 0);
        assertThat(status(q)).as("Q waits behind F").isEqualTo("queued");
        awaitBeforeTheKill("W's job COMPLETE and X's PROGRESSING", () ->
                jobStatus(w).filter(JobStatus.COMPLETE::equals).isPresent()
                        && jobStatus(x).filter(JobStatus.PROGRESSING::equals).isPresent());
        Instant killed = stack.kill();
        mediaHost.release();
        startStack();

        awaitEverythingOf(List.of(w, x, f, q), killed);
    }

    /**
     * S: a video with nothing to capture, whose composition streams into its MediaConvert job as it is written (the
     * embedded stack's pipes), killed while it streams. The job, run again after the restart, waits on its pipe; the
     * worker's retry claims the render again and composes into that job again: one job, a whole video.
     */
    @Test
    void aRenderKilledWhileItsCompositionStreamsIntoItsJobEndsDoneAfterARestartWithItsWholeLength() {
        startStack();
        ApiResponse submitted = api.post("/edit/stage/render", key(), STREAMED_EDIT);
        assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(201);
        String s = submitted.body().path("response").path("id").asText();
        awaitBeforeTheKill("S's job PROGRESSING, its composition streaming into it", () ->
                jobStatus(s).filter(JobStatus.PROGRESSING::equals).isPresent() && jobPercent(s) >= 10);
        assertThat(jobPercent(s)).as("killed mid-stream").isLessThan(90);
        stack.kill();
        startStack();

        Instant finishedBy = stack.ready().plus(AFTER_RESTART);
        awaitAfterTheRestart("S done", s, finishedBy, () -> status(s).equals("done"));
        JsonNode done = api.get("/edit/stage/render/" + s, key()).body().path("response");
        assertThat(done.path("duration").asDouble()).as("the whole timeline was encoded").isEqualTo(STREAMED_SECONDS);
        assertThat(mediaConvert.listJobs(list -> list.order(Order.DESCENDING).maxResults(20)).jobs())
                .filteredOn(job -> s.equals(job.userMetadata().get("renderId")))
                .as("the retry composed into the job it had started").hasSize(1);
    }

    private int jobPercent(String renderId) {
        Integer percent = mediaConvert.getJob(get -> get.id(jobIds.get(renderId))).job().jobPercentComplete();
        return percent == null ? 0 : percent;
    }

    /** Starts the stack on the data directory (again), with clients of its API and its MediaConvert. */
    private void startStack() {
        if (mediaConvert != null) {
            mediaConvert.close();
        }
        stack = StackProcess.start(dataDirectory, RenderTestStack.sharedFfmpeg());
        api = new ContractCheckingClient(stack.descriptor().apiUrl());
        mediaConvert = MediaConvertClient.builder()
                .endpointOverride(stack.descriptor().services().get("mediaconvert"))
                .region(Region.US_EAST_1)
                .credentialsProvider(LocalCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private String submit(String asset, String resolution) {
        ApiResponse response = api.post("/edit/stage/render", key(),
                EDIT.formatted(receiver.url(), asset, resolution));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
        return response.body().path("response").path("id").asText();
    }

    private String key() {
        return stack.descriptor().apiKey(Environment.STAGE);
    }

    private String status(String renderId) {
        ApiResponse response = api.get("/edit/stage/render/" + renderId, Map.of("data", "false"), key());
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body().path("response").path("status").asText();
    }

    /**
     * The status of the render's MediaConvert job, as GetJob answers; empty while it has none. Quick to ask again
     * (the job found once, then read by id), so a kill follows the status it waits for closely.
     */
    private Optional<JobStatus> jobStatus(String renderId) {
        String jobId = jobIds.get(renderId);
        if (jobId == null) {
            Optional<Job> job = mediaConvert.listJobs(list -> list.order(Order.DESCENDING).maxResults(20)).jobs()
                    .stream()
                    .filter(candidate -> renderId.equals(candidate.userMetadata().get("renderId")))
                    .findFirst();
            job.ifPresent(found -> jobIds.put(renderId, found.id()));
            return job.map(Job::status);
        }
        return Optional.of(mediaConvert.getJob(get -> get.id(jobId)).job().status());
    }

    private void awaitBeforeTheKill(String what, BooleanSupplier reached) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!reached.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never reached " + what + "; the stack's last words:\n" + stack.lastLines(40));
            }
            RenderTestStack.sleep(POLL);
        }
    }

    /**
     * Waits until every render is done, with its three assets ready and its four callbacks delivered, then checks
     * that each output was hosted once and each callback received once.
     */
    private void awaitEverythingOf(List<String> renderIds, Instant killed) {
        Instant finishedBy = stack.ready().plus(AFTER_RESTART);
        // a callback being delivered at the kill comes back when its message's visibility timeout ends
        Instant calledBackBy = latest(finishedBy, killed.plus(CALLBACKS_VISIBILITY_TIMEOUT).plusSeconds(15));
        for (String renderId : renderIds) {
            awaitAfterTheRestart(renderId + " done with three assets ready", renderId, finishedBy, () ->
                    status(renderId).equals("done") && assets(renderId).size() == 3
                            && assets(renderId).stream().allMatch(asset -> asset.path("status").asText().equals("ready")));
        }
        for (String renderId : renderIds) {
            awaitAfterTheRestart("the four callbacks of " + renderId + " delivered", renderId, calledBackBy, () ->
                    deliveryStates(renderId).equals(List.of("delivered", "delivered", "delivered", "delivered")));
        }
        for (String renderId : renderIds) {
            assertHostedOnce(renderId);
            assertCalledBackOnce(renderId, killed);
        }
    }

    private void awaitAfterTheRestart(String what, String renderId, Instant deadline, BooleanSupplier reached) {
        while (!reached.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not " + what + " by " + deadline + " (the stack was up again at "
                        + stack.ready() + "); status " + status(renderId) + ", assets " + assets(renderId)
                        + ", callbacks " + api.get("/edit/stage/render/" + renderId + "/callbacks", key()).body()
                        + "; the stack's last words:\n" + stack.lastLines(60));
            }
            RenderTestStack.sleep(Duration.ofMillis(200));
        }
    }

    private List<JsonNode> assets(String renderId) {
        ApiResponse response = api.get("/serve/stage/assets/render/" + renderId, key());
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        List<JsonNode> assets = new ArrayList<>();
        response.body().path("data").forEach(resource -> assets.add(resource.path("attributes")));
        return assets;
    }

    private List<String> deliveryStates(String renderId) {
        ApiResponse response = api.get("/edit/stage/render/" + renderId + "/callbacks", key());
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        List<String> states = new ArrayList<>();
        response.body().path("response").path("callbacks").forEach(callback -> states.add(callback.path("state")
                .asText()));
        return states;
    }

    /** One asset per output (the video, its poster, its thumbnail), each ready and served by the CDN. */
    private void assertHostedOnce(String renderId) {
        List<JsonNode> assets = assets(renderId);
        assertThat(assets).extracting(asset -> asset.path("filename").asText())
                .containsExactlyInAnyOrder(renderId + ".mp4", renderId + "-poster.jpg", renderId + "-thumb.jpg");
        for (JsonNode asset : assets) {
            HttpResponse<Void> hosted = send(HttpRequest.newBuilder(URI.create(asset.path("url").asText()))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(hosted.statusCode()).as("HEAD %s", asset.path("url").asText()).isEqualTo(200);
        }
    }

    /**
     * The render's callback (done) and one per asset (ready), signed with the owner's secret; each webhook-id
     * received once, but for one whose delivery was under way at the kill, which at-least-once delivery may repeat:
     * one the killed stack posted (received before it was gone, or within {@link #LAST_WORDS} after, the time a
     * request it sent may take to be read; the new stack needs longer than that to start).
     */
    private void assertCalledBackOnce(String renderId, Instant killed) {
        Set<String> assetIds = assets(renderId).stream().map(asset -> asset.path("id").asText())
                .collect(Collectors.toSet());
        Map<String, List<WebhookReceiver.Received>> byWebhookId = new LinkedHashMap<>();
        for (WebhookReceiver.Received callback : receiver.received()) {
            JsonNode body = Json.parseTrusted(callback.body());
            boolean ofThisRender = body.path("type").asText().equals("edit")
                    ? body.path("id").asText().equals(renderId) : body.path("render").asText().equals(renderId);
            if (ofThisRender) {
                byWebhookId.computeIfAbsent(callback.webhookId(), id -> new ArrayList<>()).add(callback);
            }
        }
        assertThat(byWebhookId).as("the callbacks of %s", renderId).hasSize(4);
        List<JsonNode> bodies = byWebhookId.values().stream().map(copies -> Json.parseTrusted(copies.getFirst().body()))
                .toList();
        assertThat(bodies).filteredOn(body -> body.path("type").asText().equals("edit")).singleElement()
                .satisfies(body -> assertThat(body.path("status").asText()).isEqualTo("done"));
        assertThat(bodies).filteredOn(body -> body.path("type").asText().equals("serve"))
                .allSatisfy(body -> assertThat(body.path("status").asText()).isEqualTo("ready"))
                .extracting(body -> body.path("id").asText()).containsExactlyInAnyOrderElementsOf(assetIds);
        byWebhookId.forEach((webhookId, copies) -> {
            assertThat(copies).allSatisfy(copy -> assertThat(copy.verification()).isEqualTo("verified"));
            if (copies.getFirst().at().isAfter(killed.plus(LAST_WORDS))) {
                assertThat(copies).as("webhook-id %s of %s (killed at %s): %s; deliveries: %s; stack: %s", webhookId,
                        renderId, killed, copies.stream().map(copy -> copy.at() + " " + copy.answered()).toList(),
                        api.get("/edit/stage/render/" + renderId + "/callbacks", key()).body(),
                        stack.lastLines(80)).hasSize(1);
            }
        });
    }

    private HttpResponse<Void> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
