package dev.reelforge.core.callback;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A signing secret as Standard Webhooks writes it: {@code whsec_} followed by the base64 of the key bytes.
 * Keys of 24 to 64 bytes are accepted (the spec's own example key has 24); generated ones have 24, as
 * the design asks. {@link #toString()} never shows the key.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    static final int GENERATED_BYTES = 24;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key.clone();
    }

    /** The secret written as {@code whsec_<base64>}, or empty when the text is not one. */
    public static Optional<WebhookSecret> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new WebhookSecret(key));
    }

    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** The HMAC key: the decoded bytes after the prefix. */
    byte[] key() {
        return key.clone();
    }

    /** The form users copy and store: {@code whsec_<base64>}. */
    public String value() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret secret && Arrays.equals(key, secret.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
