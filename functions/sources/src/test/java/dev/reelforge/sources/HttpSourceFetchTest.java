package dev.reelforge.sources;

import static dev.reelforge.sources.LoopbackHttpServer.redirect;
import static dev.reelforge.sources.LoopbackHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.pipeline.SourceFetcher.FetchResult;
import dev.reelforge.core.pipeline.SourceFetcher.FetchResult.Fetched;
import dev.reelforge.core.pipeline.SourceFetcher.FetchResult.Refused;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpSourceFetchTest {

    private static final int MAX_BYTES = 256 * 1024;
    private static final byte[] MEDIA = randomBytes(100_000);

    private static LoopbackHttpServer server;

    @TempDir
    Path directory;

    @BeforeAll
    static void startServer() {
        server = LoopbackHttpServer.http();
        server.route("/media.mp4", exchange -> respond(exchange, 200, MEDIA));
        server.route("/missing", exchange -> respond(exchange, 404, "not here".getBytes()));
        server.route("/empty", exchange -> respond(exchange, 200, new byte[0]));
        server.route("/relative", exchange -> redirect(exchange, 302, "media.mp4"));
        server.route("/chain/", exchange -> {
            int left = Integer.parseInt(exchange.getRequestURI().getPath().substring("/chain/".length()));
            redirect(exchange, left % 2 == 0 ? 301 : 307, left == 1 ? "/media.mp4" : "/chain/" + (left - 1));
        });
        server.route("/to-localhost", exchange ->
                redirect(exchange, 302, "http://localhost:" + server.port() + "/media.mp4"));
        server.route("/to-file", exchange -> redirect(exchange, 302, "file:///etc/passwd"));
        server.route("/to-user-at-same-host", exchange ->
                redirect(exchange, 302, "http://someone@127.0.0.1:" + server.port() + "/media.mp4"));
        server.route("/to-s3", exchange -> redirect(exchange, 302, "s3://bucket/key"));
        server.route("/chunked-over", exchange -> streamChunked(exchange, MAX_BYTES + 1));
        server.route("/chunked-at", exchange -> streamChunked(exchange, MAX_BYTES));
        server.route("/declared-over", exchange -> {
            // Declares more than the limit, then sends nothing: only a refusal before reading is quick.
            exchange.sendResponseHeaders(200, MAX_BYTES + 1L);
            exchange.getResponseBody().flush();
            sleep(Duration.ofSeconds(10));
        });
        server.route("/cut-short", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write(new byte[10]);
            exchange.getResponseBody().flush();
            throw new IOException("hang up before the declared length");
        });
        server.route("/slow", exchange -> {
            sleep(Duration.ofSeconds(10));
            respond(exchange, 200, MEDIA);
        });
        server.route("/gzip", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(exchange, 200, MEDIA);
        });
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static GuardedSourceFetcher fetcher(SourceLimits limits) {
        return new GuardedSourceFetcher(limits, null);
    }

    private static SourceLimits limits() {
        return new SourceLimits(MAX_BYTES, Duration.ofSeconds(2), Duration.ofSeconds(2), true, 3, Set.of());
    }

    private FetchResult fetch(URI source) {
        return fetcher(limits()).fetch(source, directory.resolve("source.mp4"));
    }

    @Test
    void aSuccessfulResponseIsSavedAtTheTargetWithItsSize() throws IOException {
        Path target = directory.resolve("source.mp4");

        FetchResult result = fetch(server.uri("/media.mp4"));

        assertThat(result).isEqualTo(new Fetched(target, MEDIA.length));
        assertThat(Files.readAllBytes(target)).isEqualTo(MEDIA);
        assertThat(filesIn(directory)).containsExactly(target);
    }

    @Test
    void theSchemeIsMatchedWithoutRegardToCase() throws IOException {
        FetchResult result = fetch(URI.create(server.uri("/media.mp4").toString().replace("http:", "HTTP:")));

        assertThat(result).isInstanceOf(Fetched.class);
    }

    @Test
    void anErrorStatusIsRefusedNamingItAndLeavesNoFile() throws IOException {
        assertThat(fetch(server.uri("/missing"))).isEqualTo(new Refused("the server answered 404"));
        assertThat(filesIn(directory)).isEmpty();
    }

    @Test
    void anEmptyBodyIsRefused() throws IOException {
        assertThat(fetch(server.uri("/empty"))).isEqualTo(new Refused("the source is empty"));
        assertThat(filesIn(directory)).isEmpty();
    }

    @Test
    void aRelativeRedirectOnTheSameHostIsFollowed() throws IOException {
        assertThat(fetch(server.uri("/relative"))).isEqualTo(new Fetched(directory.resolve("source.mp4"), MEDIA.length));
    }

    @Test
    void asManyRedirectsAsTheLimitAllowsAreFollowed() {
        assertThat(fetch(server.uri("/chain/3"))).isInstanceOf(Fetched.class);
    }

    @Test
    void oneRedirectMoreThanTheLimitIsRefused() throws IOException {
        assertThat(fetch(server.uri("/chain/4"))).isEqualTo(new Refused("redirected more than 3 times"));
        assertThat(filesIn(directory)).isEmpty();
    }

    @Test
    void aRedirectToAnotherHostIsRefusedWithoutRequestingIt() {
        int before = server.requests("/media.mp4");

        FetchResult result = fetch(server.uri("/to-localhost"));

        assertThat(result).isEqualTo(new Refused("redirected to another host, which is not followed"));
        assertThat(server.requests("/media.mp4")).isEqualTo(before);
    }

    @Test
    void aRedirectToAnotherKindOfAddressIsRefused() {
        assertThat(fetch(server.uri("/to-file")))
                .isEqualTo(new Refused("redirected to a non-http address, which is not followed"));
        assertThat(fetch(server.uri("/to-s3")))
                .isEqualTo(new Refused("redirected to a non-http address, which is not followed"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAndLeavesNoFile() throws IOException {
        assertThat(fetch(server.uri("/chunked-over"))).isEqualTo(new Refused("larger than the 256 KB source limit"));
        assertThat(filesIn(directory)).isEmpty();
    }

    @Test
    void aSmallerLimitForOneFetchRefusesABodyTheSourceLimitWouldTakeAndLeavesNoFile() throws IOException {
        Path target = directory.resolve("captions.srt");

        FetchResult smaller = fetcher(limits()).fetch(server.uri("/chunked-at"), target, 1024);

        assertThat(smaller).isEqualTo(new Refused("larger than the 1 KB source limit"));
        assertThat(filesIn(directory)).isEmpty();
        assertThat(fetcher(limits()).fetch(server.uri("/chunked-at"), target, 2 * MAX_BYTES))
                .as("a larger one is the source limit").isEqualTo(new Fetched(target, MAX_BYTES));
    }

    @Test
    void aChunkedBodyOfExactlyTheLimitIsFetched() throws IOException {
        Path target = directory.resolve("source.mp4");

        assertThat(fetch(server.uri("/chunked-at"))).isEqualTo(new Fetched(target, MAX_BYTES));
        assertThat(Files.size(target)).isEqualTo(MAX_BYTES);
    }

    @Test
    void aContentLengthOverTheLimitIsRefusedBeforeReadingTheBody() throws IOException {
        long started = System.nanoTime();

        FetchResult result = fetch(server.uri("/declared-over"));

        assertThat(result).isEqualTo(new Refused("larger than the 256 KB source limit"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(filesIn(directory)).isEmpty();
    }

    @Test
    void aBodyEndingBeforeItsContentLengthIsRefusedAndLeavesNoFile() throws IOException {
        assertThat(fetch(server.uri("/cut-short")))
                .isEqualTo(new Refused("the connection closed before the whole file arrived"));
        assertThat(filesIn(directory)).isEmpty();
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsRefused() throws IOException {
        SourceLimits limits = new SourceLimits(MAX_BYTES, Duration.ofSeconds(2), Duration.ofMillis(300), true, 3, Set.of());
        long started = System.nanoTime();

        FetchResult result = fetcher(limits).fetch(server.uri("/slow"), directory.resolve("source.mp4"));

        assertThat(result).isEqualTo(new Refused("timed out after 300 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(filesIn(directory)).isEmpty();
    }

    @Test
    void aCompressedBodyIsRefused() {
        assertThat(fetch(server.uri("/gzip")))
                .isEqualTo(new Refused("the server sent gzip-encoded content, which is not supported"));
    }

    @Test
    void aPortNothingListensOnIsRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThat(fetch(URI.create("http://127.0.0.1:" + closedPort + "/x")))
                .isEqualTo(new Refused("could not connect"));
    }

    @Test
    void aHostThatDoesNotExistIsRefused() {
        assertThat(fetch(URI.create("http://no-such-host.invalid/x"))).isEqualTo(new Refused("host not found"));
    }

    @Test
    void loopbackIsRefusedWithoutConnectingWhenNotAllowed() throws IOException {
        SourceLimits limits = new SourceLimits(MAX_BYTES, Duration.ofSeconds(2), Duration.ofSeconds(2), false, 3, Set.of());
        int before = server.requests("/media.mp4");

        FetchResult result = fetcher(limits).fetch(server.uri("/media.mp4"), directory.resolve("source.mp4"));

        assertThat(result).isEqualTo(new Refused("127.0.0.1 is a loopback address, which is not fetched"));
        assertThat(server.requests("/media.mp4")).isEqualTo(before);
        assertThat(filesIn(directory)).isEmpty();
    }

    /**
     * Hosts the JDK reads as an address where browsers and curl read another (or none): refused before any
     * lookup or connection, although loopback is allowed here and the server listens on 127.0.0.1.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "127.0.0.01", "127.000.0.1", "127.1", "0x7f.0.0.1", "127.0.0.1.",
        "[::ffff:127.0.0.01]", "[::ffff:127.0.0.1%25lo]"})
    void aHostNotWrittenCanonicallyIsRefusedWithoutConnecting(String host) throws IOException {
        int before = server.requests("/media.mp4");

        FetchResult result = fetch(URI.create("http://" + host + ":" + server.port() + "/media.mp4"));

        assertThat(result).isEqualTo(new Refused("the URL must name its host as a DNS name (letters, digits and "
                + "hyphens; international names in punycode), an IPv4 address in dotted decimal or an IPv6 address "
                + "in brackets"));
        assertThat(server.requests("/media.mp4")).isEqualTo(before);
        assertThat(filesIn(directory)).isEmpty();
    }

    @Test
    void aUserNameInFrontOfTheHostIsRefusedWithoutConnecting() throws IOException {
        int before = server.requests("/media.mp4");

        FetchResult result = fetch(URI.create("http://cdn.example.com@127.0.0.1:" + server.port() + "/media.mp4"));

        assertThat(result).isEqualTo(new Refused("the URL must not name a user or password"));
        assertThat(server.requests("/media.mp4")).isEqualTo(before);
    }

    @Test
    void aRedirectToTheSameHostWithAUserNameIsNotFollowed() {
        int before = server.requests("/media.mp4");

        FetchResult result = fetch(server.uri("/to-user-at-same-host"));

        assertThat(result).isEqualTo(new Refused("redirected to a URL that is not followed: it must not name a user "
                + "or password"));
        assertThat(server.requests("/media.mp4")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ftp://127.0.0.1/media.mp4", "file:///etc/passwd", "jar:file:/x.jar!/y", "gopher://127.0.0.1/",
        "mailto:someone@example.com", "media.mp4", "//127.0.0.1/media.mp4"
    })
    void onlyHttpHttpsAndS3AreFetched(String source) throws IOException {
        assertThat(fetch(URI.create(source)))
                .isEqualTo(new Refused("only http, https and s3 sources can be fetched"));
        assertThat(filesIn(directory)).isEmpty();
    }

    private static void streamChunked(com.sun.net.httpserver.HttpExchange exchange, int size) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        byte[] piece = new byte[7_000];
        try (OutputStream out = exchange.getResponseBody()) {
            for (int sent = 0; sent < size; sent += piece.length) {
                out.write(piece, 0, Math.min(piece.length, size - sent));
            }
        }
    }

    static Path[] filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toArray(Path[]::new);
        }
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
