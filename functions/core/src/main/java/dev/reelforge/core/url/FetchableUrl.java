package dev.reelforge.core.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A URL a user gave that this service will fetch (edit sources) or call (callbacks), read the one way every
 * check and every request uses: an absolute URL with one of the expected schemes, no user name or password in
 * front of the host (it only serves to make {@code http://trusted@127.0.0.1/} look like another host), a host
 * in a canonical form ({@link UrlHost}; for {@code s3}, the bucket as a name), a port from 1 to 65535 written
 * without leading zeros. The syntax is {@link URI}'s (RFC 2396: no spaces, backslashes or other characters a URL
 * cannot hold), and the host and port must be what {@link URI} reads too.
 *
 * @param port the port the URL names, or -1 when it names none
 */
public record FetchableUrl(URI uri, String scheme, UrlHost host, int port) {

    /** What reading a URL gives. */
    public sealed interface Reading {

        record Accepted(FetchableUrl url) implements Reading {}

        /** {@code problem} completes a sentence about the URL: "must not name a user or password". */
        record Refused(String problem) implements Reading {}
    }

    public static final String NON_CANONICAL_HOST = "must name its host as a DNS name (letters, digits and hyphens; "
            + "international names in punycode), an IPv4 address in dotted decimal or an IPv6 address in brackets";
    public static final String USER_INFO = "must not name a user or password";
    public static final String BAD_PORT = "must name its port, if any, as a number from 1 to 65535";
    public static final String BAD_BUCKET = "must name its bucket in letters, digits, hyphens and dots";

    /** Reads {@code text} as a URL with one of the lowercase {@code schemes}. */
    public static Reading read(String text, Set<String> schemes) {
        String expected = "must be an absolute " + String.join(" or ", schemes.stream().sorted().toList()) + " URL";
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return new Reading.Refused(authorityProblem(text, e.getIndex(), schemes).orElse(expected));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getRawAuthority();
        if (!schemes.contains(scheme) || authority == null || authority.isEmpty()) {
            return new Reading.Refused(expected);
        }
        if (authority.indexOf('@') >= 0) {
            return new Reading.Refused(USER_INFO);
        }
        int portSeparator = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']'))
                : authority.lastIndexOf(':');
        String hostText = portSeparator < 0 ? authority : authority.substring(0, portSeparator);
        int port = -1;
        if (portSeparator >= 0) {
            port = port(authority.substring(portSeparator + 1));
            if (port < 0 || scheme.equals("s3")) {
                return new Reading.Refused(scheme.equals("s3") ? BAD_BUCKET : BAD_PORT);
            }
        }
        Optional<UrlHost> host = UrlHost.parse(hostText);
        if (scheme.equals("s3") && !(host.orElse(null) instanceof UrlHost.Name)) {
            return new Reading.Refused(BAD_BUCKET);
        }
        // URI reads hosts by RFC 2396, which has no "ends in a number" rule: where it reads no host or another
        // one, or another port, the URL is refused rather than read two ways.
        if (host.isEmpty() || !hostText.equals(uri.getHost()) || port != uri.getPort()) {
            return new Reading.Refused(NON_CANONICAL_HOST);
        }
        return new Reading.Accepted(new FetchableUrl(uri, scheme, host.get(), port));
    }

    /**
     * When a URL of an expected scheme breaks the syntax inside its authority (a backslash, a space, a malformed
     * IPv6 address), the problem is its host, or a user name where the break comes after an {@code @}.
     */
    private static Optional<String> authorityProblem(String text, int index, Set<String> schemes) {
        int separator = text.indexOf("://");
        if (separator < 0 || !schemes.contains(text.substring(0, separator).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        int start = separator + 3;
        int end = start;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        if (end == start || index < start || index > end) {
            return Optional.empty();
        }
        return Optional.of(text.substring(start, end).indexOf('@') >= 0 ? USER_INFO
                : text.startsWith("s3", 0) && separator == 2 ? BAD_BUCKET : NON_CANONICAL_HOST);
    }

    /** A port number 1 to 65535 without leading zeros, or -1. */
    private static int port(String text) {
        if (text.isEmpty() || text.length() > 5 || text.charAt(0) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 65_535 ? value : -1;
    }
}
