package dev.reelforge.core.oauth;

import java.time.Instant;
import java.util.Optional;

/** Where issued tokens are kept, by hash. */
public interface OAuthTokens {

    /** Stores an access token and its refresh token, both or neither. */
    void add(IssuedToken access, IssuedToken refresh);

    /** The stored token, expired or not: the caller decides by its own clock (a TTL deletes late). */
    Optional<IssuedToken> find(String hash);

    /**
     * Spends a refresh token and stores the pair that replaces it, all or nothing: false when the refresh token is
     * gone (spent or revoked meanwhile) or expired at {@code now}, so of two concurrent uses only one gets a pair.
     */
    boolean rotate(String spentRefreshHash, Instant now, IssuedToken access, IssuedToken refresh);

    /** Removes a token; removing one that is not there is no error. */
    void remove(String hash);
}
