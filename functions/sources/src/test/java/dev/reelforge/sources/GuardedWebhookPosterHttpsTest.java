package dev.reelforge.sources;

import static dev.reelforge.sources.LoopbackHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.callback.CallbackPoster.PostOutcome;
import dev.reelforge.core.callback.CallbackPoster.PostOutcome.Answered;
import dev.reelforge.core.callback.CallbackPoster.PostOutcome.Unreachable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.StandardConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callbacks to https receivers, over the connection the guard made. */
class GuardedWebhookPosterHttpsTest {

    private static final Map<String, String> HEADERS = Map.of("webhook-id", "msg_abc");
    private static LoopbackHttpServer secure;
    private static SSLContext trustingLocalhost;

    @BeforeAll
    static void startReceiver(@TempDir Path keys) throws Exception {
        LocalhostCertificate certificate = LocalhostCertificate.create(keys);
        trustingLocalhost = certificate.trusting();
        secure = LoopbackHttpServer.https(certificate.serving(), new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                return true;
            }
        });
        secure.route("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 202, new byte[0]);
        });
    }

    @AfterAll
    static void stopReceiver() {
        secure.close();
    }

    @Test
    void anHttpsReceiverWithATrustedCertificateGetsTheCallback() {
        PostOutcome outcome = new GuardedWebhookPoster(true, trustingLocalhost, Duration.ofSeconds(10))
                .post(secure.uri("localhost", "/hook"), HEADERS, "{}");

        assertThat(outcome).isEqualTo(new Answered(202, Optional.empty()));
        assertThat(secure.requests("/hook")).isEqualTo(1);
    }

    @Test
    void aCertificateNotTrustedIsUnreachableAndNothingIsSent() {
        int before = secure.requests("/hook");

        PostOutcome outcome = new GuardedWebhookPoster(true).post(secure.uri("localhost", "/hook"), HEADERS, "{}");

        assertThat(outcome).isEqualTo(new Unreachable("the server's certificate was not accepted"));
        assertThat(secure.requests("/hook")).isEqualTo(before);
    }

    @Test
    void aReceiverThatNeverFinishesTheHandshakeTimesOutInTime() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread.ofVirtual().start(() -> {
                try (Socket connection = silent.accept()) {
                    connection.getInputStream().readAllBytes();
                } catch (IOException e) {
                    // The poster hung up, as it should.
                }
            });
            long started = System.nanoTime();

            PostOutcome outcome = new GuardedWebhookPoster(true, trustingLocalhost, Duration.ofSeconds(1))
                    .post(URI.create("https://localhost:" + silent.getLocalPort() + "/hook"), HEADERS, "{}");

            assertThat(outcome).isEqualTo(new Unreachable("timed out after 1 s"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        }
    }
}
