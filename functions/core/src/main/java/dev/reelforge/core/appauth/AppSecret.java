package dev.reelforge.core.appauth;

import dev.reelforge.core.oauth.RandomText;
import java.security.SecureRandom;

/** A Picovico app's secret as its developer holds it; only its SHA-256 ({@link #hash()}) is stored. */
public record AppSecret(String value) {

    public static AppSecret generate(SecureRandom random) {
        return new AppSecret(RandomText.generate(random));
    }

    /** Lower-case hex SHA-256. */
    public String hash() {
        return RandomText.sha256Hex(value);
    }

    @Override
    public String toString() {
        return "AppSecret[redacted]";
    }
}
