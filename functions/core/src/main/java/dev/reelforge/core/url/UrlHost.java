package dev.reelforge.core.url;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The host of a URL this service fetches or calls, accepted only in a form that every URL parser reads alike:
 * a DNS name, an IPv4 address in canonical dotted decimal, or an IPv6 address in brackets.
 *
 * <p>Everything else is refused, because parsers disagree about it and the guard must judge the address the
 * request really goes to. The JDK reads {@code 0177.0.0.1} as 177.0.0.1 (a public address) where browsers and
 * curl read octal 127.0.0.1; {@code 127.1}, {@code 2130706433} and {@code 0x7f.1} are 127.0.0.1 to browsers
 * and something else, or a DNS lookup, to the JDK; {@code 127.0.0.01}, trailing dots, {@code %}-escapes,
 * zone ids and non-ASCII names (international names are accepted as punycode, {@code xn--}) are read
 * differently again. So a name is LDH labels (letters, digits, hyphens; 1 to 63 characters, no hyphen at either
 * end; at most 253 in all) whose last label is not a number in WHATWG's sense (all digits, or {@code 0x} and hex
 * digits): such a name is an IPv4 address to a browser. Literals are parsed here, strictly, into the address
 * connected to, so no other parser's reading of their text is ever used.
 */
public sealed interface UrlHost {

    /** The host as the URL writes it (an IPv6 address with its brackets). */
    String text();

    /** An IPv4 or IPv6 literal and the address it denotes. */
    record Address(String text, InetAddress address) implements UrlHost {}

    /** A DNS name, looked up when connecting. */
    record Name(String text) implements UrlHost {}

    int MAX_NAME_LENGTH = 253;
    int MAX_LABEL_LENGTH = 63;

    /** The host written as {@code host}, if it is in one of the accepted forms. */
    static Optional<UrlHost> parse(String host) {
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.length() < 3) {
                return Optional.empty();
            }
            return Ipv6Text.parse(host.substring(1, host.length() - 1))
                    .map(bytes -> new Address(host, addressOf(bytes)));
        }
        String[] labels = host.split("\\.", -1);
        if (isNumber(labels[labels.length - 1])) {
            return Ipv4Text.parse(host).map(bytes -> new Address(host, addressOf(bytes)));
        }
        if (host.length() > MAX_NAME_LENGTH) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!isLdhLabel(label)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Name(host));
    }

    /** WHATWG's "ends in a number": a last label of decimal digits, or of {@code 0x} and hex digits. */
    private static boolean isNumber(String label) {
        if (label.isEmpty()) {
            return false;
        }
        int from = label.length() >= 2 && label.charAt(0) == '0' && (label.charAt(1) == 'x' || label.charAt(1) == 'X')
                ? 2 : 0;
        for (int i = from; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean hex = from == 2 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
            if (!digit && !hex) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLdhLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH
                || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress addressOf(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes); // no lookup: the bytes are the address
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }
}
