package dev.reelforge.core.oauth;

import java.time.Clock;

/**
 * Finds whose access token this is. The answer does not depend on the route asked for (IBM's paths carry no
 * environment: the token's client decides it), so a gateway may cache it per token; expiry is checked here, by the
 * clock, since a table's TTL deletes late.
 */
public final class AuthorizeBearerToken {

    private final OAuthTokens tokens;
    private final Clock clock;

    public AuthorizeBearerToken(OAuthTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public AuthorizeBearerTokenResult authorize(AuthorizeBearerTokenCommand command) {
        if (!OAuthToken.wellFormed(command.token())) {
            return new AuthorizeBearerTokenResult.Denied();
        }
        return tokens.find(new OAuthToken(command.token()).hash())
                .filter(token -> token.kind() == TokenKind.ACCESS && !token.expiredAt(clock.instant()))
                .<AuthorizeBearerTokenResult>map(token -> new AuthorizeBearerTokenResult.Granted(token.owner(),
                        token.environment(), token.clientId(), token.managesExpiration()))
                .orElseGet(AuthorizeBearerTokenResult.Denied::new);
    }
}
