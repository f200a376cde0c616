package dev.reelforge.core.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** URLs users give for sources and callbacks, read one way by every check and request, or refused. */
class FetchableUrlTest {

    private static final Set<String> SOURCES = Set.of("http", "https", "s3");

    private static FetchableUrl.Reading read(String url) {
        return FetchableUrl.read(url, SOURCES);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "http://example.com/a.mp4", "https://EXAMPLE.com:8443/a.mp4?x=1#t", "http://localhost:3000/", "http://a-b.c-d/",
        "http://xn--bcher-kva.example/", "http://1e100.net/", "http://127.0.0.1.nip.io/", "http://0x7f.example/",
        "http://127.0.0.1:9000/a", "http://8.8.8.8/", "http://255.255.255.255/", "http://0.0.0.0/",
        "http://[::1]:8080/", "http://[2001:db8::1]/", "http://[::]/", "http://[::ffff:127.0.0.1]/",
        "http://[64:ff9b::a9fe:a9fe]/", "http://[1:2:3:4:5:6:7:8]/", "http://[1:2:3:4:5:6:1.2.3.4]/",
        "http://[FE80::1]/", "http://[1::]/", "HTTP://example.com/", "s3://my-bucket/key.mp4", "s3://my.bucket/k",
        "https://example.com/caf\u00e9.jpg"
    })
    void acceptsHostsWrittenCanonically(String url) {
        assertThat(read(url)).isInstanceOf(FetchableUrl.Reading.Accepted.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "http://0177.0.0.1/", "http://0x7f.1/", "http://0x7f000001/", "http://127.1/", "http://2130706433/",
        "http://127.0.0.01/", "http://127.00.0.1/", "http://256.0.0.1/", "http://1.2.3.4.5/", "http://1.2.3/",
        "http://127.0.0.1./", "http://example.com./", "http://%31%32%37.0.0.1/", "http://ex%61mple.com/",
        "http://[fe80::1%25eth0]/", "http://[::ffff:0177.0.0.1]/", "http://[::ffff:127.1]/", "http://[::1/",
        "http://[1:2:3:4:5:6:7:8:9]/", "http://[1::2::3]/", "http://[:::1]/", "http://[1:2:3:4:5:6:7:8::]/",
        "http://[12345::1]/", "http://[1.2.3.4::]/", "http://[::1]x/", "http://bücher.example/",
        "http://exa_mple.com/", "http://-a.com/", "http://a-.com/", "http://a..b/", "http://.a.b/",
        "http://123/", "http://a.123/", "http://a.0x1f/", "http://a.0x/"
    })
    void refusesHostsNotWrittenCanonically(String url) {
        assertThat(read(url)).isEqualTo(new FetchableUrl.Reading.Refused(FetchableUrl.NON_CANONICAL_HOST));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://a@127.0.0.1/                    | must not name a user or password
            http://user:secret@example.com/        | must not name a user or password
            http://example.com@127.0.0.1/          | must not name a user or password
            http://a@b@127.0.0.1/                  | must not name a user or password
            http://example.com:0/                  | must name its port, if any, as a number from 1 to 65535
            http://example.com:65536/              | must name its port, if any, as a number from 1 to 65535
            http://example.com:080/                | must name its port, if any, as a number from 1 to 65535
            http://example.com:/                   | must name its port, if any, as a number from 1 to 65535
            http://example.com\\@127.0.0.1/        | must not name a user or password
            http://exa mple.com/                   | must name its host as a DNS name (letters, digits and hyphens; international names in punycode), an IPv4 address in dotted decimal or an IPv6 address in brackets
            http://example.com\\.127.0.0.1/        | must name its host as a DNS name (letters, digits and hyphens; international names in punycode), an IPv4 address in dotted decimal or an IPv6 address in brackets
            http://exa mple.com/a b                | must name its host as a DNS name (letters, digits and hyphens; international names in punycode), an IPv4 address in dotted decimal or an IPv6 address in brackets
            http://example.com/a b                 | must be an absolute http or https or s3 URL
            ftp://example.com/a.mp4                | must be an absolute http or https or s3 URL
            http:///a.mp4                          | must be an absolute http or https or s3 URL
            http:a.mp4                             | must be an absolute http or https or s3 URL
            /a.mp4                                 | must be an absolute http or https or s3 URL
            s3://1.2.3.4/key                       | must name its bucket in letters, digits, hyphens and dots
            s3://bucket:443/key                    | must name its bucket in letters, digits, hyphens and dots
            s3://my_bucket/key                     | must name its bucket in letters, digits, hyphens and dots
            """)
    void refusesWhatElseCouldBeReadTwoWays(String url, String problem) {
        assertThat(read(url)).isEqualTo(new FetchableUrl.Reading.Refused(problem));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1:9000/       | 127.0.0.1          | 9000
            http://[::ffff:127.0.0.1]/   | ::ffff:127.0.0.1   | -1
            http://[64:ff9b::a9fe:a9fe]/ | 64:ff9b::a9fe:a9fe | -1
            http://[1::8]:80/            | 1:0:0:0:0:0:0:8    | 80
            http://[::1.2.3.4]/          | ::102:304          | -1
            http://[fe80::]/             | fe80::             | -1
            """)
    void aLiteralIsTheAddressItWrites(String url, String address, int port) throws Exception {
        FetchableUrl accepted = ((FetchableUrl.Reading.Accepted) read(url)).url();

        assertThat(accepted.host()).isInstanceOf(UrlHost.Address.class);
        assertThat(((UrlHost.Address) accepted.host()).address()).isEqualTo(InetAddress.getByName(address));
        assertThat(accepted.port()).isEqualTo(port);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"example.com", "a", "xn--bcher-kva.example", "1-2.example", "127.0.0.1.nip.io"})
    void aNameIsLookedUpAsWritten(String name) {
        assertThat(((FetchableUrl.Reading.Accepted) read("https://" + name + "/x")).url().host())
                .isEqualTo(new UrlHost.Name(name));
    }

    @org.junit.jupiter.api.Test
    void aNameOfMoreThan253CharactersOrALabelOfMoreThan63IsRefused() {
        String label63 = "a".repeat(63);
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));

        assertThat(read("http://" + name253 + "/")).isInstanceOf(FetchableUrl.Reading.Accepted.class);
        assertThat(read("http://" + name253 + "b/")).isInstanceOf(FetchableUrl.Reading.Refused.class);
        assertThat(read("http://" + label63 + "a.example/")).isInstanceOf(FetchableUrl.Reading.Refused.class);
    }
}
