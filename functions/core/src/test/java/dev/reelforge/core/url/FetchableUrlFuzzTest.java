package dev.reelforge.core.url;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The reading of source and callback URLs under coverage-guided fuzzing. Properties: nothing throws; an accepted
 * URL is one {@link URI} reads alike (same host, same port); an accepted IPv4 literal is the address the JDK
 * reads from the same text, and an IPv6 literal too (both canonical, so the parsers agree); an accepted name is
 * no number to the JDK's own literal parser. Corpus: {@code FetchableUrlFuzzTestInputs/readUrl}.
 */
class FetchableUrlFuzzTest {

    @FuzzTest
    void readUrl(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        if (!(FetchableUrl.read(text, Set.of("http", "https", "s3")) instanceof FetchableUrl.Reading.Accepted accepted)) {
            return;
        }
        FetchableUrl url = accepted.url();
        URI uri = new URI(text);
        assertThat(uri.getHost()).isEqualTo(url.host().text());
        assertThat(uri.getPort()).isEqualTo(url.port());
        assertThat(uri.getRawUserInfo()).isNull();
        switch (url.host()) {
            case UrlHost.Address literal ->
                    // A literal needs no lookup: the JDK parses it, and must arrive at the same address.
                    assertThat(InetAddress.getByName(literal.text())).isEqualTo(literal.address());
            case UrlHost.Name name -> {
                assertThat(name.text()).matches("[A-Za-z0-9.-]+").doesNotEndWith(".");
                assertThat(name.text().replaceAll("^.*\\.", "")).doesNotMatch("[0-9]+|0[xX][0-9a-fA-F]*");
            }
        }
    }
}
