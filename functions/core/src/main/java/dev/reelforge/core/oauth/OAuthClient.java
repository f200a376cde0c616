package dev.reelforge.core.oauth;

import dev.reelforge.core.Environment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * An owner's OAuth client for one environment (IBM Video Streaming's API credentials): its public 40-character
 * {@code clientId}, the SHA-256 of its secret, and whether tokens issued to it may manage videos' expiration.
 */
public record OAuthClient(String clientId, String owner, Environment environment, String secretHash,
        boolean managesExpiration, Instant created) {

    /** Whether the text has the shape of a client id we issue; others are never looked up. */
    public static boolean wellFormedId(String clientId) {
        return RandomText.wellFormed(clientId);
    }

    public static String generateId(SecureRandom random) {
        return RandomText.generate(random);
    }

    /** Compares the hashes in constant time. */
    public boolean accepts(ClientSecret secret) {
        return MessageDigest.isEqual(secretHash.getBytes(StandardCharsets.US_ASCII),
                secret.hash().getBytes(StandardCharsets.US_ASCII));
    }
}
