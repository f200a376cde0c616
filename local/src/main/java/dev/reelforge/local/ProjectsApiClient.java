package dev.reelforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A user of the Projects API (Picovico's dialect), as the demo and the projects benchmark are, sending what
 * Picovico's SDKs send: logs in with the app local.json shows, uploads photos and music as raw bodies, writes a
 * project's fields as form fields (JSON strings where the SDKs send JSON), asks for the render and polls the project
 * until it is published or failed.
 */
public final class ProjectsApiClient {

    /** An answer of the API: its status, its JSON body (missing when not JSON) and its Location header, if any. */
    public record Answer(int status, JsonNode body, Optional<String> location) {}

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI apiUrl;
    private final String accessKey;
    private final String accessToken;

    private ProjectsApiClient(URI apiUrl, String accessKey, String accessToken) {
        this.apiUrl = apiUrl;
        this.accessKey = accessKey;
        this.accessToken = accessToken;
    }

    /** Logs in with the environment's app ({@code POST /login/app}, form-encoded as the SDKs do). */
    public static ProjectsApiClient logIn(LocalDescriptor descriptor, Environment environment) {
        LocalDescriptor.PicovicoApp app = descriptor.picovicoApp(environment).orElseThrow(() ->
                new IllegalStateException("local.json has no Picovico app for " + environment.pathName()));
        ProjectsApiClient anonymous = new ProjectsApiClient(descriptor.apiUrl(), "", "");
        Answer login = anonymous.send(HttpRequest.newBuilder(descriptor.apiUrl().resolve("/login/app"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(FormBody.of(Map.of("app_id", app.appId(), "app_secret", app.appSecret()))));
        JsonNode pair = expect(login, 200);
        return new ProjectsApiClient(descriptor.apiUrl(), pair.path("access_key").asText(),
                pair.path("access_token").asText());
    }

    public Answer me() {
        return send(authorized("/me").GET());
    }

    /** {@code PUT /me/photos} or {@code /me/musics} with the file as the raw body. */
    public Answer upload(String collection, Path file, String contentType) {
        try {
            return send(authorized("/me/" + collection).header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** {@code GET /me/photos/{id}} or {@code /me/musics/{id}}. */
    public Answer item(String collection, String id) {
        return send(authorized("/me/" + collection + "/" + id).GET());
    }

    /** Polls an uploaded photo or music until it is no longer pending (its file checked). */
    public JsonNode awaitChecked(String collection, String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode item = expect(item(collection, id), 200);
            if (!item.path("status").asText().equals("pending")) {
                return item;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(collection + " " + id + " is still pending after " + timeout.toSeconds()
                        + " s");
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** {@code POST /me/videos}: a new draft, or the draft there already is. */
    public Answer createProject(String name) {
        return send(authorized("/me/videos").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(FormBody.of(Map.of("name", name))));
    }

    /** {@code POST /me/videos/{id}} with form fields, as the SDKs save a project. */
    public Answer updateProject(String id, Map<String, String> fields) {
        return send(authorized("/me/videos/" + id).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(FormBody.of(fields)));
    }

    public Answer render(String id) {
        return send(authorized("/me/videos/" + id + "/render").POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Answer project(String id) {
        return send(authorized("/me/videos/" + id).GET());
    }

    /** Polls the project until it is published or failed; {@code onPoll} sees every answer. */
    public JsonNode awaitSettled(String id, Duration timeout, Duration interval,
            java.util.function.Consumer<JsonNode> onPoll) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode project = expect(project(id), 200);
            onPoll.accept(project);
            String status = project.path("status").asText();
            if (status.equals("published") || status.equals("failed")) {
                return project;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("video " + id + " is still " + status + " after " + timeout.toSeconds()
                        + " s");
            }
            pause(interval);
        }
    }

    /** {@code GET /v/{id}/{name}.mp4}, without credentials and without following the redirect. */
    public Answer publicLink(String id, String name) {
        return send(HttpRequest.newBuilder(apiUrl.resolve("/v/" + id + "/" + name + ".mp4")).GET());
    }

    /** The body of an answer with the expected status; otherwise what the API said, as an exception. */
    public static JsonNode expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("the Projects API answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(apiUrl.resolve(path)).header("X-Access-Key", accessKey)
                .header("X-Access-Token", accessToken);
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body;
            try {
                body = response.body().isEmpty() ? MissingNode.getInstance() : Json.MAPPER.readTree(response.body());
            } catch (IOException notJson) {
                body = MissingNode.getInstance();
            }
            return new Answer(response.statusCode(), body, response.headers().firstValue("Location"));
        } catch (IOException e) {
            throw new UncheckedIOException("the API at " + apiUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
