package dev.reelforge.core.oauth;

import java.security.SecureRandom;

/** An OAuth client's secret as the client holds it; only its SHA-256 ({@link #hash()}) is stored. */
public record ClientSecret(String value) {

    public static ClientSecret generate(SecureRandom random) {
        return new ClientSecret(RandomText.generate(random));
    }

    /** Lower-case hex SHA-256. */
    public String hash() {
        return RandomText.sha256Hex(value);
    }

    @Override
    public String toString() {
        return "ClientSecret[redacted]";
    }
}
