package dev.reelforge.core.oauth;

import java.time.Duration;

public sealed interface IssueTokenResult {

    /** A new access token (living {@code expiresIn}) and the refresh token that can replace it. */
    record Issued(OAuthToken accessToken, OAuthToken refreshToken, Duration expiresIn) implements IssueTokenResult {}

    /** No client has this id and secret (which of the two is wrong is not said). */
    record InvalidClient(String hint) implements IssueTokenResult {}

    /** The refresh token is unknown, expired, spent, revoked, or another client's. */
    record InvalidGrant(String hint) implements IssueTokenResult {}
}
