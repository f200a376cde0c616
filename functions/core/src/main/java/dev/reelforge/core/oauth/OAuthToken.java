package dev.reelforge.core.oauth;

import java.security.SecureRandom;

/** An access or refresh token as the client holds it; only its SHA-256 ({@link #hash()}) is stored. */
public record OAuthToken(String value) {

    public static OAuthToken generate(SecureRandom random) {
        return new OAuthToken(RandomText.generate(random));
    }

    /** Whether the text has the shape of a token we issue (40 of {@code [0-9A-Za-z]}); others are never looked up. */
    public static boolean wellFormed(String value) {
        return RandomText.wellFormed(value);
    }

    /** Lower-case hex SHA-256: the token's key in the store. */
    public String hash() {
        return RandomText.sha256Hex(value);
    }

    @Override
    public String toString() {
        return "OAuthToken[redacted]";
    }
}
