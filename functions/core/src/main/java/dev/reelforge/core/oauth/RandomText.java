package dev.reelforge.core.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one shape of the OAuth face's generated values (client ids, secrets, tokens): 40 characters of
 * {@code [0-9A-Za-z]}, about 238 bits of randomness, so a plain SHA-256 of one can be stored and looked up by key
 * without being reversible or guessable.
 */
final class RandomText {

    static final int LENGTH = 40;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern FORMAT = Pattern.compile("[0-9A-Za-z]{" + LENGTH + "}");

    private RandomText() {}

    static String generate(SecureRandom random) {
        StringBuilder text = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** Whether {@code text} could be one of ours: checked before any lookup, in time bounded by its length. */
    static boolean wellFormed(String text) {
        return text != null && text.length() == LENGTH && FORMAT.matcher(text).matches();
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
