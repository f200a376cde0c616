package dev.reelforge.core.appauth;

import dev.reelforge.core.Environment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * A stored access pair, keyed by its key's hash: the token's hash, what it opens (the app's owner and environment,
 * copied at login so that authorizing is one read) and until when.
 */
public record IssuedAccess(String keyHash, String tokenHash, String owner, Environment environment, String appId,
        Instant expires) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    /** Compares the token hashes in constant time. */
    public boolean matches(AccessPair pair) {
        return MessageDigest.isEqual(tokenHash.getBytes(StandardCharsets.US_ASCII),
                pair.tokenHash().getBytes(StandardCharsets.US_ASCII));
    }
}
