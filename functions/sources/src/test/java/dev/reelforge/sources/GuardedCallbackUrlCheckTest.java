package dev.reelforge.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A callback URL no delivery could reach is refused when the render is submitted. */
class GuardedCallbackUrlCheckTest {

    private final GuardedCallbackUrlCheck check = new GuardedCallbackUrlCheck(false);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1:8080/hook                     | 127.0.0.1 is a loopback address, which is not called
            http://[::1]/hook                              | [::1] is a loopback address, which is not called
            https://10.0.0.7/hook                          | 10.0.0.7 is a private address, which is not called
            http://169.254.169.254/latest/meta-data        | 169.254.169.254 is a link-local address, which is not called
            ftp://example.com/hook                         | must be an absolute http or https URL
            hook                                           | must be an absolute http or https URL
            http:///hook                                   | must be an absolute http or https URL
            http://0177.0.0.1/hook                         | must name its host as a DNS name (letters, digits and hyphens; international names in punycode), an IPv4 address in dotted decimal or an IPv6 address in brackets
            http://2130706433/hook                         | must name its host as a DNS name (letters, digits and hyphens; international names in punycode), an IPv4 address in dotted decimal or an IPv6 address in brackets
            http://[::ffff:0177.0.0.1]/hook                | must name its host as a DNS name (letters, digits and hyphens; international names in punycode), an IPv4 address in dotted decimal or an IPv6 address in brackets
            http://hooks.example.com@10.0.0.7/hook         | must not name a user or password
            http://[::ffff:10.0.0.7]/hook                  | [::ffff:10.0.0.7] is a private address, which is not called
            """)
    void refusesWhatNoDeliveryCouldReach(String url, String refusal) {
        assertThat(check.refusal(URI.create(url))).contains(refusal);
    }

    @Test
    void refusesANameThatResolvesOnlyToPrivateAddresses() {
        TestHosts.answer("lan.reelforge.test", List.of("192.168.0.10", "10.0.0.1"));

        assertThat(check.refusal(URI.create("https://lan.reelforge.test/hook")))
                .contains("lan.reelforge.test resolves to a private address, which is not called");
    }

    @Test
    void acceptsANameWithAPublicAddressTheSenderJudgesAgainAtEachAttempt() {
        TestHosts.answer("mixed.reelforge.test", List.of("1.1.1.1", "10.0.0.1"));
        TestHosts.answer("public.reelforge.test", List.of("8.8.8.8"));

        assertThat(check.refusal(URI.create("https://public.reelforge.test/hook"))).isEmpty();
        assertThat(check.refusal(URI.create("https://mixed.reelforge.test/hook"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/hook", "http://hooks.invalid/not-resolvable-yet"})
    void acceptsPublicLiteralsAndNamesThatDoNotResolveYet(String url) {
        assertThat(check.refusal(URI.create(url))).isEmpty();
    }

    @Test
    void acceptsLoopbackWhereTheDeploymentAllowsIt() {
        assertThat(new GuardedCallbackUrlCheck(true).refusal(URI.create("http://127.0.0.1:9000/hook"))).isEmpty();
    }
}
