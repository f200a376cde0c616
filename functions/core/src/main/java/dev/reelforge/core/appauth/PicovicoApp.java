package dev.reelforge.core.appauth;

import dev.reelforge.core.Environment;
import dev.reelforge.core.oauth.RandomText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * An owner's Picovico app for one environment: its public 40-character {@code appId} and the SHA-256 of its secret.
 * Logging in with it gives access pairs of that owner and environment.
 */
public record PicovicoApp(String appId, String owner, Environment environment, String secretHash, Instant created) {

    /** Whether the text has the shape of an app id we issue; others are never looked up. */
    public static boolean wellFormedId(String appId) {
        return RandomText.wellFormed(appId);
    }

    public static String generateId(SecureRandom random) {
        return RandomText.generate(random);
    }

    /** Compares the hashes in constant time. */
    public boolean accepts(AppSecret secret) {
        return MessageDigest.isEqual(secretHash.getBytes(StandardCharsets.US_ASCII),
                secret.hash().getBytes(StandardCharsets.US_ASCII));
    }
}
