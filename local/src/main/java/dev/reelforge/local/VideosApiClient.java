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
import java.util.Map;

/**
 * A user of the Videos API (IBM Video Streaming's dialect), as the demo and the videos benchmark are: takes a token
 * with the OAuth client local.json shows, then reads videos, asks for downloadable copies and polls them until
 * available (seed 001's workflow), and sets expiration rules (seed 003).
 */
public final class VideosApiClient {

    /** An answer of the API: its status and JSON body. */
    public record Answer(int status, JsonNode body) {}

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI apiUrl;
    private final String accessToken;

    private VideosApiClient(URI apiUrl, String accessToken) {
        this.apiUrl = apiUrl;
        this.accessToken = accessToken;
    }

    /** Takes an access token with the environment's OAuth client, secret sent as IBM's clients send it. */
    public static VideosApiClient signIn(LocalDescriptor descriptor, Environment environment) {
        LocalDescriptor.IbmClient client = descriptor.ibmClient(environment).orElseThrow(() ->
                new IllegalStateException("local.json has no IBM client for " + environment.pathName()));
        VideosApiClient anonymous = new VideosApiClient(descriptor.apiUrl(), "");
        Answer token = anonymous.send(HttpRequest.newBuilder(descriptor.apiUrl().resolve("/oauth2/token"))
                .header("Authorization", "Basic " + client.clientSecret())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(FormBody.of(Map.of("grant_type", "client_credentials", "client_id", client.clientId()))));
        if (token.status() != 200) {
            throw new IllegalStateException("the token endpoint answered " + token.status() + ": " + token.body());
        }
        return new VideosApiClient(descriptor.apiUrl(), token.body().path("access_token").asText());
    }

    public Answer video(String id) {
        return get("/videos/" + id + ".json");
    }

    public Answer downloadable(String id, String format) {
        return get("/videos/" + id + "/downloadable/" + format + ".json");
    }

    public Answer requestDownloadable(String id, String format) {
        return send(authorized("/videos/" + id + "/downloadable/" + format + ".json")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Polls the downloadable every {@code interval} until it is available (or anything but pending). */
    public JsonNode awaitDownloadable(String id, String format, Duration timeout, Duration interval) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode downloadable = expect(downloadable(id, format), 200).path("downloadable");
            if (!downloadable.path("status").asText().equals("pending")) {
                return downloadable;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the " + format + " download of video " + id + " is still pending after "
                        + timeout.toSeconds() + " s");
            }
            pause(interval);
        }
    }

    public Answer expiration(String id) {
        return get("/videos/" + id + "/expiration.json");
    }

    public Answer expireAt(String id, Instant expiresAt) {
        return send(authorized("/videos/" + id + "/expiration.json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(FormBody.of(Map.of("rule", "at_given_time", "expires_at", Long.toString(expiresAt.getEpochSecond())))));
    }

    /** The body of an answer with the expected status; otherwise what the API said, as an exception. */
    public static JsonNode expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("the Videos API answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private Answer get(String path) {
        return send(authorized(path).GET());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(apiUrl.resolve(path)).header("Authorization", "Bearer " + accessToken);
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
            return new Answer(response.statusCode(), Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("the API at " + apiUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
