package dev.reelforge.sources;

import dev.reelforge.core.url.FetchableUrl;
import dev.reelforge.core.url.UrlHost;
import java.net.URI;
import java.util.Set;

/** Where a request goes: the host as written and parsed (IPv6 literals bracketed), the port, what to ask for. */
record HttpEndpoint(URI base, boolean secure, UrlHost urlHost, int port, String requestTarget) {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    /** Throws {@link AddressRefusal} for a URL that is not {@link FetchableUrl canonical}. */
    static HttpEndpoint of(URI uri) throws AddressRefusal {
        FetchableUrl url = switch (FetchableUrl.read(uri.toString(), SCHEMES)) {
            case FetchableUrl.Reading.Accepted accepted -> accepted.url();
            case FetchableUrl.Reading.Refused refused -> throw new AddressRefusal("the URL " + refused.problem());
        };
        boolean secure = url.scheme().equals("https");
        int port = url.port() == -1 ? (secure ? 443 : 80) : url.port();
        URI ascii = URI.create(uri.toASCIIString());
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        String query = ascii.getRawQuery() == null ? "" : "?" + ascii.getRawQuery();
        // A base with an empty path would make URI.resolve glue a relative redirect onto the host.
        URI base = URI.create(url.scheme() + "://" + ascii.getRawAuthority() + path + query);
        return new HttpEndpoint(base, secure, url.host(), port, path + query);
    }

    /** The host as the URL writes it. */
    String host() {
        return urlHost.text();
    }

    String bareHost() {
        return literal() && host().startsWith("[") ? host().substring(1, host().length() - 1) : host();
    }

    boolean literal() {
        return urlHost instanceof UrlHost.Address;
    }

    String hostField() {
        return base.getPort() == -1 ? host() : host() + ":" + port;
    }
}
