package dev.reelforge.core.url;

import java.util.Optional;

/**
 * An IPv6 address as RFC 4291 writes it: eight groups of one to four hex digits separated by colons, one run of
 * zero groups shortened to {@code ::}, the last two groups optionally a canonical dotted-decimal IPv4 address.
 * No zone id ({@code %eth0}): it names an interface of the machine, not an address.
 */
final class Ipv6Text {

    private static final int GROUPS = 8;

    private Ipv6Text() {}

    static Optional<byte[]> parse(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        int[] head = gap < 0 ? groups(text, true) : groups(text.substring(0, gap), false);
        int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return Optional.empty();
        }
        int written = head.length + tail.length;
        if (gap < 0 ? written != GROUPS : written > GROUPS - 1) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.length; i++) {
            put(bytes, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            put(bytes, GROUPS - tail.length + i, tail[i]);
        }
        return Optional.of(bytes);
    }

    /** The 16-bit groups of a colon-separated run ("" has none), or null when it is malformed. */
    private static int[] groups(String run, boolean ipv4AtEnd) {
        if (run.isEmpty()) {
            return new int[0];
        }
        String[] parts = run.split(":", -1);
        boolean endsInIpv4 = ipv4AtEnd && parts[parts.length - 1].indexOf('.') >= 0;
        int[] groups = new int[parts.length + (endsInIpv4 ? 1 : 0)];
        if (groups.length > GROUPS) {
            return null;
        }
        for (int i = 0; i < parts.length; i++) {
            if (endsInIpv4 && i == parts.length - 1) {
                Optional<byte[]> ipv4 = Ipv4Text.parse(parts[i]);
                if (ipv4.isEmpty()) {
                    return null;
                }
                byte[] b = ipv4.get();
                groups[i] = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
                groups[i + 1] = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            } else {
                groups[i] = hexGroup(parts[i]);
                if (groups[i] < 0) {
                    return null;
                }
            }
        }
        return groups;
    }

    private static int hexGroup(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            int digit = Character.digit(part.charAt(i), 16);
            if (digit < 0 || part.charAt(i) > 'f') {
                return -1; // Character.digit also takes fullwidth and other non-ASCII digits
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >> 8);
        bytes[2 * group + 1] = (byte) value;
    }
}
