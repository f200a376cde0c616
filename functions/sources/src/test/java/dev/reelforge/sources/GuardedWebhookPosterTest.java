package dev.reelforge.sources;

import static dev.reelforge.sources.LoopbackHttpServer.redirect;
import static dev.reelforge.sources.LoopbackHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.callback.CallbackPoster.PostOutcome;
import dev.reelforge.core.callback.CallbackPoster.PostOutcome.Answered;
import dev.reelforge.core.callback.CallbackPoster.PostOutcome.Refused;
import dev.reelforge.core.callback.CallbackPoster.PostOutcome.Unreachable;
import dev.reelforge.core.callback.RetryAfter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Callbacks posted to a real receiver on loopback, and to addresses the guard refuses. */
class GuardedWebhookPosterTest {

    private static final String BODY = "{\"type\":\"edit\",\"action\":\"render\",\"id\":\"r1\",\"status\":\"done\"}";
    private static final Map<String, String> HEADERS = Map.of("webhook-id", "msg_abc", "webhook-timestamp",
            "1614265330", "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            "content-type", "application/json");

    private static LoopbackHttpServer receiver;
    private static final Map<String, Map<String, List<String>>> receivedHeaders = new ConcurrentHashMap<>();
    private static final Map<String, String> receivedBodies = new ConcurrentHashMap<>();

    private final GuardedWebhookPoster loopbackAllowed = poster(true, Duration.ofSeconds(10));

    private static GuardedWebhookPoster poster(boolean allowLoopback, Duration timeout) {
        try {
            return new GuardedWebhookPoster(allowLoopback, SSLContext.getDefault(), timeout);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void startReceiver() {
        receiver = LoopbackHttpServer.http();
        receiver.route("/hook", exchange -> {
            receivedHeaders.put(exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()));
            receivedBodies.put(exchange.getRequestMethod(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 204, new byte[0]);
        });
        receiver.route("/gone", exchange -> respond(exchange, 410, "unsubscribed".getBytes()));
        receiver.route("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "120");
            respond(exchange, 503, "later".getBytes());
        });
        receiver.route("/broken", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT");
            respond(exchange, 500, "oops".getBytes());
        });
        receiver.route("/moved", exchange -> redirect(exchange, 307, "/hook-after-redirect"));
        receiver.route("/hook-after-redirect", exchange -> respond(exchange, 204, new byte[0]));
        receiver.route("/slow", exchange -> {
            sleep(Duration.ofSeconds(5));
            respond(exchange, 200, new byte[0]);
        });
        receiver.route("/talkative", exchange -> respond(exchange, 200, new byte[8 << 20]));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void theReceiverGetsAPostWithTheHeadersAndTheBodyAsGiven() {
        PostOutcome outcome = loopbackAllowed.post(receiver.uri("/hook"), HEADERS, BODY);

        assertThat(outcome).isEqualTo(new Answered(204, Optional.empty()));
        Map<String, List<String>> headers = receivedHeaders.get("POST");
        assertThat(headers).containsEntry("Webhook-id", List.of("msg_abc"))
                .containsEntry("Webhook-timestamp", List.of("1614265330"))
                .containsEntry("Webhook-signature", List.of("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="))
                .containsEntry("Content-type", List.of("application/json"));
        assertThat(receivedBodies.get("POST")).isEqualTo(BODY);
    }

    @Test
    void goneIsReportedAsTheReceiversAnswer() {
        assertThat(loopbackAllowed.post(receiver.uri("/gone"), HEADERS, BODY))
                .isEqualTo(new Answered(410, Optional.empty()));
    }

    @Test
    void retryAfterInSecondsOrAsADateComesBackWithTheStatus() {
        assertThat(loopbackAllowed.post(receiver.uri("/busy"), HEADERS, BODY))
                .isEqualTo(new Answered(503, Optional.of(new RetryAfter.Seconds(120))));
        assertThat(loopbackAllowed.post(receiver.uri("/broken"), HEADERS, BODY))
                .isEqualTo(new Answered(500, Optional.of(new RetryAfter.At(Instant.parse("2026-10-21T07:28:00Z")))));
    }

    @Test
    void aRedirectIsTheAnswerAndIsNotFollowed() {
        assertThat(loopbackAllowed.post(receiver.uri("/moved"), HEADERS, BODY))
                .isEqualTo(new Answered(307, Optional.empty()));
        assertThat(receiver.requests("/hook-after-redirect")).isZero();
    }

    @Test
    void aSlowReceiverTimesOut() {
        long started = System.nanoTime();

        PostOutcome outcome = poster(true, Duration.ofSeconds(1)).post(receiver.uri("/slow"), HEADERS, BODY);

        assertThat(outcome).isEqualTo(new Unreachable("timed out after 1 s"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aReceiverTricklingItsAnswerCannotStretchTheTimeout() throws Exception {
        try (ServerSocket trickler = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread.ofVirtual().start(() -> {
                try (Socket connection = trickler.accept()) {
                    OutputStream out = connection.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 50; i++) {
                        out.write('X');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // The poster hung up, as it should.
                }
            });
            long started = System.nanoTime();

            PostOutcome outcome = poster(true, Duration.ofSeconds(1))
                    .post(URI.create("http://127.0.0.1:" + trickler.getLocalPort() + "/"), HEADERS, BODY);

            assertThat(outcome).isEqualTo(new Unreachable("timed out after 1 s"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void aLongAnswerIsReadOnlyInPart() {
        long started = System.nanoTime();

        assertThat(loopbackAllowed.post(receiver.uri("/talkative"), HEADERS, BODY))
                .isEqualTo(new Answered(200, Optional.empty()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void loopbackIsRefusedUnlessAllowedAndNothingIsSent() {
        int before = receiver.requests("/hook");

        assertThat(poster(false, Duration.ofSeconds(10)).post(receiver.uri("/hook"), HEADERS, BODY))
                .isEqualTo(new Refused("127.0.0.1 is a loopback address, which is not called"));
        assertThat(receiver.requests("/hook")).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://10.0.0.1/hook                           | 10.0.0.1 is a private address
            https://192.168.1.10/hook                      | 192.168.1.10 is a private address
            http://169.254.169.254/latest/meta-data        | 169.254.169.254 is a link-local address
            http://[fd00:ec2::254]/latest/meta-data        | [fd00:ec2::254] is a private address
            http://[fe80::1]/hook                          | [fe80::1] is a link-local address
            http://[::ffff:169.254.169.254]/hook           | [::ffff:169.254.169.254] is a link-local address
            http://100.100.100.200/latest/meta-data        | 100.100.100.200 is a carrier-grade NAT address
            """)
    void privateLinkLocalAndMetadataAddressesAreRefusedEvenWithLoopbackAllowed(String url, String refusal) {
        long started = System.nanoTime();

        assertThat(loopbackAllowed.post(URI.create(url), HEADERS, BODY)).isEqualTo(new Refused(refusal + ", which is not called"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefused() {
        TestHosts.answer("internal.reelforge.test", List.of("1.1.1.1", "10.1.2.3"));

        assertThat(loopbackAllowed.post(URI.create("http://internal.reelforge.test/hook"), HEADERS, BODY))
                .isEqualTo(new Refused("internal.reelforge.test resolves to a private address, which is not called"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "127.0.0.01", "127.1", "0x7f.1", "[::ffff:127.0.0.1%25lo]",
        "hooks.example.com@127.0.0.1"})
    void aUrlNotWrittenCanonicallyIsRefusedForGoodWithoutConnecting(String authority) {
        int before = receiver.requests("/hook");

        PostOutcome outcome = loopbackAllowed.post(URI.create("http://" + authority + ":" + receiver.port() + "/hook"),
                HEADERS, BODY);

        assertThat(outcome).isInstanceOf(Refused.class);
        assertThat(((Refused) outcome).reason()).startsWith("the URL must ");
        assertThat(receiver.requests("/hook")).isEqualTo(before);
    }

    @Test
    void onlyHttpAndHttpsAreCalled() {
        assertThat(loopbackAllowed.post(URI.create("ftp://example.com/hook"), HEADERS, BODY))
                .isEqualTo(new Refused("only http and https callback URLs are called"));
    }

    @Test
    void anUnknownHostOrAClosedPortIsUnreachableAndWorthRetrying() throws IOException {
        assertThat(loopbackAllowed.post(URI.create("http://nowhere.invalid/hook"), HEADERS, BODY))
                .isEqualTo(new Unreachable("host not found"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        assertThat(loopbackAllowed.post(URI.create("http://127.0.0.1:" + closedPort + "/hook"), HEADERS, BODY))
                .isEqualTo(new Unreachable("could not connect"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
