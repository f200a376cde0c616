package dev.reelforge.core.url;

import java.util.Optional;

/** An IPv4 address in canonical dotted decimal: four numbers 0 to 255, no leading zeros, no other form. */
final class Ipv4Text {

    private Ipv4Text() {}

    static Optional<byte[]> parse(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '.') {
                continue;
            }
            if (part == 4) {
                return Optional.empty();
            }
            int value = decimalOctet(text, start, i);
            if (value < 0) {
                return Optional.empty();
            }
            bytes[part++] = (byte) value;
            start = i + 1;
        }
        return part == 4 ? Optional.of(bytes) : Optional.empty();
    }

    /** {@code text[from, to)} as a number 0 to 255 written without leading zeros, or -1. */
    private static int decimalOctet(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 3 || (length > 1 && text.charAt(from) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }
}
