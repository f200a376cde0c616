package dev.reelforge.core.oauth;

/**
 * Revokes an access or refresh token (RFC 7009); revoking a refresh token also revokes the access token issued with
 * it. Holding a token is what revoking it takes; a request that names a client revokes only that client's tokens.
 */
public final class RevokeToken {

    private final OAuthTokens tokens;

    public RevokeToken(OAuthTokens tokens) {
        this.tokens = tokens;
    }

    public RevokeTokenResult revoke(RevokeTokenCommand command) {
        if (!OAuthToken.wellFormed(command.token())) {
            return new RevokeTokenResult.NothingRevoked();
        }
        return tokens.find(new OAuthToken(command.token()).hash())
                .filter(token -> command.clientId().map(token.clientId()::equals).orElse(true))
                .<RevokeTokenResult>map(token -> {
                    tokens.remove(token.hash());
                    token.pairedHash().ifPresent(tokens::remove);
                    return new RevokeTokenResult.Revoked();
                })
                .orElseGet(RevokeTokenResult.NothingRevoked::new);
    }
}
