package dev.reelforge.local.it;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What the API tests do outside the API: read a file from the CDN, PUT one to a signed URL, as a player or curl; or
 * post to the API without the contract judge, for what Shotstack's service accepts beyond its contract.
 */
final class PlainHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PlainHttp() {}

    static HttpResponse<byte[]> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static int head(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** What {@code curl -X PUT -T file <url>} sends: the bytes, no Content-Type. */
    static int put(String url, Path file) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofFile(file)),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON POST with an API key, as an SDK sends it, and the answer's body as text. */
    static HttpResponse<String> postJson(URI url, String apiKey, String json) {
        return send(HttpRequest.newBuilder(url).header("Content-Type", "application/json").header("x-api-key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
