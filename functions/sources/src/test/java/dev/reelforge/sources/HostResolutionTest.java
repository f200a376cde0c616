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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host names, answered by {@link TestHosts} as a DNS server would (including one that changes its answer
 * between lookups), against servers on two loopback addresses sharing one port.
 */
class HostResolutionTest {

    private static final byte[] CHECKED = "served from the address that was checked".getBytes();
    private static final byte[] REBOUND = "served from the address of a second lookup".getBytes();

    private LoopbackHttpServer checked;
    private LoopbackHttpServer rebound;

    @TempDir
    Path directory;

    @BeforeEach
    void startServers() {
        checked = LoopbackHttpServer.http("127.0.0.1", 0);
        rebound = LoopbackHttpServer.http("127.0.0.2", checked.port());
        checked.route("/media.mp4", exchange -> respond(exchange, 200, CHECKED));
        checked.route("/hop", exchange -> redirect(exchange, 302, "/media.mp4"));
        rebound.route("/media.mp4", exchange -> respond(exchange, 200, REBOUND));
    }

    @AfterEach
    void stopServers() {
        checked.close();
        rebound.close();
    }

    private FetchResult fetch(String host, String path) {
        SourceLimits limits = new SourceLimits(1 << 20, Duration.ofSeconds(2), Duration.ofSeconds(2), true, 3, Set.of());
        return new GuardedSourceFetcher(limits, null)
                .fetch(URI.create("http://" + host + ":" + checked.port() + path), directory.resolve("source.mp4"));
    }

    @Test
    void theConnectionGoesToTheAddressThatWasCheckedNotToALaterAnswer() throws IOException {
        TestHosts.answers("rebind.reelforge.test", List.of(List.of("127.0.0.1"), List.of("127.0.0.2")));

        FetchResult result = fetch("rebind.reelforge.test", "/media.mp4");

        assertThat(result).isEqualTo(new Fetched(directory.resolve("source.mp4"), CHECKED.length));
        assertThat(Files.readAllBytes(directory.resolve("source.mp4"))).isEqualTo(CHECKED);
        assertThat(rebound.totalRequests()).isZero();
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsForbidden() {
        TestHosts.answer("mixed.reelforge.test", List.of("127.0.0.1", "10.0.0.7"));

        FetchResult result = fetch("mixed.reelforge.test", "/media.mp4");

        assertThat(result).isEqualTo(new Refused("mixed.reelforge.test resolves to a private address, which is not fetched"));
        assertThat(checked.totalRequests()).isZero();
    }

    @Test
    void aNameForTheMetadataServiceIsRefused() {
        TestHosts.answer("metadata.reelforge.test", List.of("169.254.169.254"));

        assertThat(fetch("metadata.reelforge.test", "/latest/meta-data"))
                .isEqualTo(new Refused("metadata.reelforge.test resolves to a link-local address, which is not fetched"));
    }

    @Test
    void aNameForAnIpv4MappedPrivateAddressIsRefused() {
        TestHosts.answer("mapped.reelforge.test", List.of("::ffff:192.168.1.1"));

        assertThat(fetch("mapped.reelforge.test", "/x"))
                .isEqualTo(new Refused("mapped.reelforge.test resolves to a private address, which is not fetched"));
    }

    @Test
    void eachRedirectHopIsResolvedAndCheckedAgain() {
        TestHosts.answers("hop.reelforge.test", List.of(List.of("127.0.0.1"), List.of("10.0.0.7")));

        FetchResult result = fetch("hop.reelforge.test", "/hop");

        assertThat(result).isEqualTo(new Refused("hop.reelforge.test resolves to a private address, which is not fetched"));
        assertThat(checked.requests("/hop")).isEqualTo(1);
        assertThat(checked.requests("/media.mp4")).isZero();
    }

    @Test
    void whenOneAddressRefusesTheConnectionTheNextIsTried() {
        TestHosts.answer("fallback.reelforge.test", List.of("127.0.0.3", "127.0.0.1"));

        assertThat(fetch("fallback.reelforge.test", "/media.mp4"))
                .isEqualTo(new Fetched(directory.resolve("source.mp4"), CHECKED.length));
    }
}
