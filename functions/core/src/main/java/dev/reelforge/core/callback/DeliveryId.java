package dev.reelforge.core.callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of a callback delivery, which is also its {@code webhook-id}: {@code msg_} and the base32 (RFC 4648
 * alphabet, lower case, unpadded) of the name-based UUID of {@code reelforge-callback:<id>:<status>}. It is
 * derived, not drawn, because the event that creates a delivery arrives at least once: every copy computes
 * the same id, finds the delivery already there, and the receiver gets one webhook id per event.
 */
public final class DeliveryId {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private DeliveryId() {}

    /** For the render or asset {@code subject} reaching {@code status}. */
    public static String of(UUID subject, String status) {
        UUID uuid = UUID.nameUUIDFromBytes(
                ("reelforge-callback:" + subject + ":" + status).getBytes(StandardCharsets.UTF_8));
        byte[] bytes = ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
        return "msg_" + base32(bytes);
    }

    private static String base32(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                text.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return text.toString();
    }
}
