package dev.reelforge.core.oauth;

/** Told apart for logs only: the endpoint answers 200 either way (RFC 7009), so nobody learns which tokens exist. */
public sealed interface RevokeTokenResult {

    record Revoked() implements RevokeTokenResult {}

    /** Unknown, already revoked, or another client's than the one named. */
    record NothingRevoked() implements RevokeTokenResult {}
}
