package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.core.Environment;
import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.contract.ContractCheckingClient;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import dev.reelforge.media.BundledFfmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.model.Job;
import software.amazon.awssdk.services.mediaconvert.model.Order;

/**
 * An embedded stack of its own for one render test class (fresh data directory, any free port), with a
 * user's media host next to it: sample media made with the stack's ffmpeg and served on 127.0.0.1. API
 * calls go through {@link ContractCheckingClient}, so every submit and status read is judged by the
 * contract; outputs are downloaded from the URLs a done render answers (signed URLs of the local temporary CDN).
 */
final class RenderTestStack implements AutoCloseable {

    /** How long a render of these tests may take before the test fails with the last status seen. */
    static final Duration RENDER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Set<String> FINISHED = Set.of("done", "failed");

    private final Path root;
    private final LocalStack stack;
    private final LoopbackFileServer files;
    private final SampleMedia media;
    private final ContractCheckingClient api;
    private final MediaConvertClient mediaConvert;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger downloads = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> log;

    private RenderTestStack(Path root, LocalStack stack, LoopbackFileServer files, SampleMedia media,
            ConcurrentLinkedQueue<String> log) {
        this.root = root;
        this.log = log;
        this.stack = stack;
        this.files = files;
        this.media = media;
        this.api = new ContractCheckingClient(stack.apiUrl());
        this.mediaConvert = MediaConvertClient.builder()
                .endpointOverride(stack.services().endpoints().mediaConvert())
                .region(Region.US_EAST_1)
                .credentialsProvider(LocalCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** A stack with the template's defaults (loopback sources allowed, as {@code ./reelforge local} runs). */
    static RenderTestStack start() {
        return start(Map.of(), true);
    }

    /**
     * @param parameters           template parameter overrides, as {@code sam deploy --parameter-overrides}
     * @param allowLoopbackSources whether the worker may fetch sources on 127.0.0.1
     */
    static RenderTestStack start(Map<String, String> parameters, boolean allowLoopbackSources) {
        Path root = SharedStack.temporaryDirectory("reelforge-render-it-");
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        LocalStack stack;
        try {
            stack = LocalStack.start(new LocalStack.Options(ProjectFiles.template(), root.resolve("data"), 0,
                    log::add, allowLoopbackSources, sharedFfmpeg(), parameters));
        } catch (RuntimeException e) {
            SharedStack.deleteRecursively(root);
            throw e;
        }
        try {
            Path mediaDirectory = root.resolve("media");
            return new RenderTestStack(root, stack, LoopbackFileServer.serve(mediaDirectory),
                    new SampleMedia(stack.ffmpeg(), mediaDirectory), log);
        } catch (RuntimeException e) {
            stack.close();
            SharedStack.deleteRecursively(root);
            throw e;
        }
    }

    /**
     * The bundled ffmpeg, extracted once for every stack of the test run rather than into each data directory
     * (as the stack does by itself); none when {@code FFMPEG} names one, which the stack then runs.
     */
    static Optional<Path> sharedFfmpeg() {
        String configured = System.getenv("FFMPEG");
        if (configured != null && !configured.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(BundledFfmpeg.extractTo(Path.of("target", "render-it-ffmpeg")));
    }

    /** The MediaConvert job the render's worker started, as the emulator's ListJobs shows it. */
    Job jobOf(String renderId) {
        return mediaConvert.listJobs(list -> list.order(Order.DESCENDING).maxResults(20)).jobs().stream()
                .filter(candidate -> renderId.equals(candidate.userMetadata().get("renderId")))
                .findFirst().orElseThrow();
    }

    LocalStack stack() {
        return stack;
    }

    SampleMedia media() {
        return media;
    }

    ContractCheckingClient api() {
        return api;
    }

    /** The URL a user would put in an edit for a file of the media host. */
    String url(Path file) {
        return files.url(file.getFileName().toString()).toString();
    }

    String key(Environment environment) {
        return stack.descriptor().apiKey(environment);
    }

    String owner() {
        return stack.descriptor().owner();
    }

    DynamoDbRenders renders() {
        return new DynamoDbRenders(stack.services().dynamoDb(), stack.tableName("RendersTable"));
    }

    /** The playback helper for outputs, with the stack's ffmpeg. */
    RenderPlayback playback() {
        return new RenderPlayback(stack.ffmpeg(), root.resolve("playback"));
    }

    /** Submits an edit through HTTP and returns the render id; the API must answer 201. */
    String submit(Environment environment, String edit) {
        ApiResponse response = api.post("/edit/" + environment.pathName() + "/render", key(environment), edit);
        assertThat(response.status()).as("submit answered %s", response.body()).isEqualTo(201);
        return response.body().path("response").path("id").asText();
    }

    /** The render's status through HTTP ({@code response} of the envelope, without its edit). */
    JsonNode status(Environment environment, String id) {
        ApiResponse response = api.get("/edit/" + environment.pathName() + "/render/" + id, Map.of("data", "false"),
                key(environment));
        assertThat(response.status()).as("status answered %s", response.body()).isEqualTo(200);
        return response.body().path("response");
    }

    /** A render followed to its end: the last status response and every status seen on the way, in order. */
    record Watched(JsonNode render, List<String> statuses) {

        String status() {
            return render.path("status").asText();
        }

        /** The render must have ended {@code done}; the message shows its error otherwise. */
        Watched assertDone() {
            assertThat(status()).as("render %s ended %s: %s", render.path("id").asText(), status(),
                    render.path("error").asText("")).isEqualTo("done");
            return this;
        }
    }

    /** A render just submitted, with the status read right after submitting it. */
    record Submitted(Environment environment, String id, String firstStatus) {}

    /** Submits an edit and reads its status at once, before the pipeline is likely to have moved it. */
    Submitted submitAndLook(Environment environment, String edit) {
        String id = submit(environment, edit);
        return new Submitted(environment, id, status(environment, id).path("status").asText());
    }

    /** Follows a render submitted with {@link #submitAndLook} to its end; its first status counts as seen. */
    Watched awaitFinished(Submitted submitted) {
        return awaitFinished(submitted.environment(), submitted.id(), List.of(submitted.firstStatus()));
    }

    /** Polls the status every 100 ms until the render is done or failed; fails with the last status seen. */
    Watched awaitFinished(Environment environment, String id) {
        return awaitFinished(environment, id, List.of());
    }

    private Watched awaitFinished(Environment environment, String id, List<String> alreadySeen) {
        Instant deadline = Instant.now().plus(RENDER_TIMEOUT);
        List<String> seen = new ArrayList<>(alreadySeen);
        while (true) {
            JsonNode render = status(environment, id);
            String status = render.path("status").asText();
            if (seen.isEmpty() || !seen.getLast().equals(status)) {
                seen.add(status);
            }
            if (FINISHED.contains(status)) {
                return new Watched(render, List.copyOf(seen));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("render " + id + " is still " + status + " after "
                        + RENDER_TIMEOUT.toSeconds() + " s (statuses seen: " + seen + "; last response: " + render
                        + "; the stack's last words: " + lastLogLines(30) + ")");
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** Submits and follows an edit that must render; returns the done status. */
    Watched render(Environment environment, String edit) {
        return awaitFinished(environment, submit(environment, edit)).assertDone();
    }

    /** Downloads an output from the URL a render answered (a signed URL of the temporary CDN on loopback). */
    Path download(String url, String extension) {
        assertThat(url).as("output URL").isNotBlank();
        URI uri = URI.create(url);
        assertThat(uri.getHost()).as("outputs are served on loopback: %s", url).isEqualTo("127.0.0.1");
        try {
            Path directory = Files.createDirectories(root.resolve("downloads"));
            Path file = directory.resolve("output-" + downloads.incrementAndGet() + "." + extension);
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.ofFile(file));
            assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
            assertThat(Files.size(file)).as("size of %s", url).isPositive();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The last lines the stack logged (requests, function logs, failed invocations, dropped events). */
    List<String> lastLogLines(int count) {
        List<String> lines = List.copyOf(log);
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            mediaConvert.close();
            files.close();
            stack.close();
        } finally {
            SharedStack.deleteRecursively(root);
        }
    }
}
