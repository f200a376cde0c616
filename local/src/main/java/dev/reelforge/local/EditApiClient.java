package dev.reelforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A user of the Edit API, as the demo and the render benchmark are: submits edits and polls their status
 * until they finish, as seed 000's polling workflow describes.
 */
public final class EditApiClient {

    private static final Set<String> FINISHED = Set.of("done", "failed");
    private static final Set<String> FINAL_ASSET = Set.of("ready", "failed", "deleted");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI apiUrl;
    private final Environment environment;
    private final String apiKey;

    public EditApiClient(URI apiUrl, Environment environment, String apiKey) {
        this.apiUrl = apiUrl;
        this.environment = environment;
        this.apiKey = apiKey;
    }

    public static EditApiClient of(LocalDescriptor descriptor, Environment environment) {
        return new EditApiClient(descriptor.apiUrl(), environment, descriptor.apiKey(environment));
    }

    /** Submits an edit; returns the render id. */
    public String submit(String edit) {
        JsonNode answer = send(HttpRequest.newBuilder(apiUrl.resolve("/edit/" + environment.pathName() + "/render"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(edit, StandardCharsets.UTF_8)), 201);
        return answer.path("response").path("id").asText();
    }

    /** The render's status response ({@code response} of the envelope), without its edit. */
    public JsonNode status(String id) {
        return send(HttpRequest.newBuilder(apiUrl.resolve("/edit/" + environment.pathName() + "/render/" + id
                + "?data=false")).GET(), 200).path("response");
    }

    /** Polls every {@code interval} until the render is done or failed; each status read goes to {@code watcher}. */
    public JsonNode awaitFinished(String id, Duration timeout, Duration interval, Consumer<JsonNode> watcher) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode render = status(id);
            watcher.accept(render);
            if (FINISHED.contains(render.path("status").asText())) {
                return render;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("render " + id + " is still " + render.path("status").asText()
                        + " after " + timeout.toSeconds() + " s");
            }
            pause(interval, id);
        }
    }

    /** The Serve API's assets of a render ({@code data}: one entry per output copied or being copied). */
    public JsonNode renderAssets(String renderId) {
        return send(HttpRequest.newBuilder(apiUrl.resolve("/serve/" + environment.pathName() + "/assets/render/"
                + renderId)).GET(), 200).path("data");
    }

    /**
     * Polls the render's assets every {@code interval} until there are {@code expected} of them and none is still
     * importing, as seed 000's polling workflow does after the render is done.
     */
    public JsonNode awaitAssets(String renderId, int expected, Duration timeout, Duration interval) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode assets = renderAssets(renderId);
            if (assets.size() >= expected && assets.findValuesAsText("status").stream().allMatch(FINAL_ASSET::contains)) {
                return assets;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the assets of render " + renderId + " are not all copied after "
                        + timeout.toSeconds() + " s: " + assets);
            }
            pause(interval, renderId);
        }
    }

    private static void pause(Duration interval, String renderId) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for render " + renderId, e);
        }
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.header("x-api-key", apiKey)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = Json.MAPPER.readTree(response.body());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("the API answered " + response.statusCode() + ": "
                        + body.path("response").asText(response.body()));
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("the API at " + apiUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
