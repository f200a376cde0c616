package dev.reelforge.core.oauth;

import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored token, keyed by its hash: what it opens (the client's owner, environment and permission, copied at
 * issue so that authorizing is one read) and until when. A refresh token names the hash of the access token issued
 * with it ({@code pairedHash}), so revoking the refresh token revokes that access token too.
 */
public record IssuedToken(String hash, TokenKind kind, String owner, Environment environment, String clientId,
        boolean managesExpiration, Instant expires, Optional<String> pairedHash) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }
}
