package dev.reelforge.core.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one shape of the generated credentials (IBM client ids, secrets, tokens; Picovico app ids, secrets, access
 * pairs): 40 characters of
 * {@code [0-9A-Za-z]}, about 238 bits of randomness, so a plain SHA-256 of one can be stored and looked up by key
 * without being reversible or guessable.
 */
public final class RandomText {

    static final int LENGTH = 40;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern FORMAT = Pattern.compile("[0-9A-Za-z]{" + LENGTH + "}");

    private RandomText() {}

    public static String generate(SecureRandom random) {
        StringBuilder text = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** Whether {@code text} could be one of ours: checked before any lookup, in time bounded by its length. */
    public static boolean wellFormed(String text) {
        return text != null && text.length() == LENGTH && FORMAT.matcher(text).matches();
    }

    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
