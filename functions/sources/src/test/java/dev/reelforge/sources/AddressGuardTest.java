package dev.reelforge.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.pipeline.SourceFetcher.FetchResult;
import dev.reelforge.core.pipeline.SourceFetcher.FetchResult.Refused;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses written into the URL are judged before any connection is attempted. */
class AddressGuardTest {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://10.0.0.1/x                              | 10.0.0.1 is a private address
            http://172.20.1.1/x                            | 172.20.1.1 is a private address
            http://192.168.0.1:8080/x                      | 192.168.0.1 is a private address
            http://169.254.169.254/latest/meta-data        | 169.254.169.254 is a link-local address
            https://169.254.169.254/latest/meta-data       | 169.254.169.254 is a link-local address
            http://[::1]/x                                 | [::1] is a loopback address
            http://127.0.0.1/x                             | 127.0.0.1 is a loopback address
            http://[::ffff:127.0.0.1]/x                    | [::ffff:127.0.0.1] is a loopback address
            http://[::ffff:169.254.169.254]/x              | [::ffff:169.254.169.254] is a link-local address
            http://[::ffff:a9fe:a9fe]/x                    | [::ffff:a9fe:a9fe] is a link-local address
            http://[64:ff9b::a9fe:a9fe]/x                  | [64:ff9b::a9fe:a9fe] is a link-local address
            http://[fd00:ec2::254]/latest/meta-data        | [fd00:ec2::254] is a private address
            http://[fe80::1]/x                             | [fe80::1] is a link-local address
            http://100.64.0.1/                             | 100.64.0.1 is a carrier-grade NAT address
            http://100.100.100.200/latest/meta-data        | 100.100.100.200 is a carrier-grade NAT address
            http://0.0.0.0/x                               | 0.0.0.0 is an unspecified address
            http://[::]/x                                  | [::] is an unspecified address
            http://224.0.0.1/x                             | 224.0.0.1 is a multicast address
            http://255.255.255.255/x                       | 255.255.255.255 is a broadcast address
            """)
    void aForbiddenAddressIsRefusedWithoutConnecting(String source, String refusal) throws IOException {
        // Long timeouts, so an attempted connection to a silent address would show in the elapsed time.
        SourceLimits limits = new SourceLimits(1024, Duration.ofSeconds(5), Duration.ofSeconds(5), false, 3, Set.of());
        long started = System.nanoTime();

        FetchResult result = new GuardedSourceFetcher(limits, null).fetch(URI.create(source), directory.resolve("x"));

        assertThat(result).isEqualTo(new Refused(refusal + ", which is not fetched"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(HttpSourceFetchTest.filesIn(directory)).isEmpty();
    }
}
