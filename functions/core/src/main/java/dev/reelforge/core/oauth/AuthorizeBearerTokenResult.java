package dev.reelforge.core.oauth;

import dev.reelforge.core.Environment;

public sealed interface AuthorizeBearerTokenResult {

    /** The token is a live access token of {@code clientId}, which belongs to {@code owner} in {@code environment}. */
    record Granted(String owner, Environment environment, String clientId, boolean managesExpiration)
            implements AuthorizeBearerTokenResult {}

    /** Malformed, unknown, expired, revoked, or a refresh token. */
    record Denied() implements AuthorizeBearerTokenResult {}
}
