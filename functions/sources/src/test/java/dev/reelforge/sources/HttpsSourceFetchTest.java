package dev.reelforge.sources;

import static dev.reelforge.sources.LoopbackHttpServer.redirect;
import static dev.reelforge.sources.LoopbackHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.pipeline.SourceFetcher.FetchResult;
import dev.reelforge.core.pipeline.SourceFetcher.FetchResult.Fetched;
import dev.reelforge.core.pipeline.SourceFetcher.FetchResult.Refused;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.StandardConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https over the socket the guard connected: the host name still drives SNI and the certificate check. */
class HttpsSourceFetchTest {

    private static final byte[] MEDIA = HttpSourceFetchTest.randomBytes(50_000);
    private static final SourceLimits LIMITS =
            new SourceLimits(1 << 20, Duration.ofSeconds(2), Duration.ofSeconds(2), true, 3, Set.of());

    private static final RecordingSniMatcher SNI = new RecordingSniMatcher();
    private static LoopbackHttpServer secure;
    private static LoopbackHttpServer plain;
    private static SSLContext trustingLocalhost;

    @TempDir
    Path directory;

    @BeforeAll
    static void startServers(@TempDir Path keys) throws Exception {
        LocalhostCertificate certificate = LocalhostCertificate.create(keys);
        trustingLocalhost = certificate.trusting();
        secure = LoopbackHttpServer.https(certificate.serving(), SNI);
        plain = LoopbackHttpServer.http();
        secure.route("/media.mp4", exchange -> respond(exchange, 200, MEDIA));
        secure.route("/down", exchange ->
                redirect(exchange, 302, "http://localhost:" + plain.port() + "/media.mp4"));
        plain.route("/media.mp4", exchange -> respond(exchange, 200, MEDIA));
        plain.route("/up", exchange ->
                redirect(exchange, 301, "https://localhost:" + secure.port() + "/media.mp4"));
    }

    @AfterAll
    static void stopServers() {
        secure.close();
        plain.close();
    }

    private FetchResult fetch(SSLContext tls, URI source) {
        return new GuardedSourceFetcher(LIMITS, null, tls).fetch(source, directory.resolve("source.mp4"));
    }

    @Test
    void anHttpsSourceIsFetchedWithTheHostNameSentAsSni() throws IOException {
        SNI.names.clear();

        FetchResult result = fetch(trustingLocalhost, secure.uri("localhost", "/media.mp4"));

        assertThat(result).isEqualTo(new Fetched(directory.resolve("source.mp4"), MEDIA.length));
        assertThat(Files.readAllBytes(directory.resolve("source.mp4"))).isEqualTo(MEDIA);
        assertThat(SNI.names).containsExactly("localhost");
    }

    @Test
    void aCertificateNotIssuedForTheRequestedHostIsRefused() throws IOException {
        int before = secure.requests("/media.mp4");

        FetchResult result = fetch(trustingLocalhost, secure.uri("127.0.0.1", "/media.mp4"));

        assertThat(result).isEqualTo(new Refused("the server's certificate was not accepted"));
        assertThat(secure.requests("/media.mp4")).isEqualTo(before);
        assertThat(HttpSourceFetchTest.filesIn(directory)).isEmpty();
    }

    @Test
    void aCertificateFromAnUntrustedIssuerIsRefused() {
        FetchResult result = new GuardedSourceFetcher(LIMITS, null)
                .fetch(secure.uri("localhost", "/media.mp4"), directory.resolve("source.mp4"));

        assertThat(result).isEqualTo(new Refused("the server's certificate was not accepted"));
    }

    @Test
    void aRedirectFromHttpToHttpsOnTheSameHostIsFollowed() {
        assertThat(fetch(trustingLocalhost, plain.uri("localhost", "/up")))
                .isEqualTo(new Fetched(directory.resolve("source.mp4"), MEDIA.length));
    }

    @Test
    void aRedirectFromHttpsDownToHttpIsRefused() {
        int before = plain.requests("/media.mp4");

        assertThat(fetch(trustingLocalhost, secure.uri("localhost", "/down")))
                .isEqualTo(new Refused("redirected from https to http, which is not followed"));
        assertThat(plain.requests("/media.mp4")).isEqualTo(before);
    }

    private static final class RecordingSniMatcher extends SNIMatcher {

        final java.util.List<String> names = new java.util.concurrent.CopyOnWriteArrayList<>();

        RecordingSniMatcher() {
            super(StandardConstants.SNI_HOST_NAME);
        }

        @Override
        public boolean matches(SNIServerName name) {
            names.add(new SNIHostName(name.getEncoded()).getAsciiName());
            return true;
        }
    }
}
