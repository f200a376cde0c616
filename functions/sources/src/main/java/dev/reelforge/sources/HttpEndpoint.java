package dev.reelforge.sources;

import java.net.URI;

/** Where a request goes: the host as written (IPv6 literals bracketed), the port, what to ask for. */
record HttpEndpoint(URI base, boolean secure, String host, int port, String requestTarget) {

    static HttpEndpoint of(URI uri) throws SourceRefusal {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new SourceRefusal("the address has no valid host name");
        }
        boolean secure = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() == -1 ? (secure ? 443 : 80) : uri.getPort();
        URI ascii = URI.create(uri.toASCIIString());
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        String query = ascii.getRawQuery() == null ? "" : "?" + ascii.getRawQuery();
        // A base with an empty path would make URI.resolve glue a relative redirect onto the host.
        URI base = URI.create(ascii.getScheme() + "://" + ascii.getRawAuthority() + path + query);
        return new HttpEndpoint(base, secure, host, port, path + query);
    }

    String bareHost() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    boolean literal() {
        return host.startsWith("[") || host.matches("[0-9.]+");
    }

    String hostField() {
        return base.getPort() == -1 ? host : host + ":" + port;
    }
}
