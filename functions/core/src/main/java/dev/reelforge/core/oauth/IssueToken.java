package dev.reelforge.core.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The OAuth token endpoint's rule. Every grant authenticates the client by id and secret. {@code client_credentials}
 * issues a pair; {@code refresh_token} spends the refresh token (one use: a used refresh token is gone, so a stolen
 * copy is worth nothing once its owner has refreshed) and issues a new pair, with the client's permissions as they are
 * now. Access tokens live {@link #ACCESS_LIFETIME}, refresh tokens {@link #REFRESH_LIFETIME}; only their hashes are
 * stored.
 */
public final class IssueToken {

    public static final Duration ACCESS_LIFETIME = Duration.ofDays(1);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

    private final OAuthClients clients;
    private final OAuthTokens tokens;
    private final Clock clock;
    private final SecureRandom random;

    public IssueToken(OAuthClients clients, OAuthTokens tokens, Clock clock, SecureRandom random) {
        this.clients = clients;
        this.tokens = tokens;
        this.clock = clock;
        this.random = random;
    }

    public IssueTokenResult issue(IssueTokenCommand command) {
        Optional<OAuthClient> client = Optional.of(command.clientId()).filter(OAuthClient::wellFormedId)
                .flatMap(clients::findClient)
                .filter(found -> found.accepts(command.secret()));
        if (client.isEmpty()) {
            return new IssueTokenResult.InvalidClient("the client_id and the client secret match no client");
        }
        Instant now = clock.instant();
        OAuthToken access = OAuthToken.generate(random);
        OAuthToken refresh = OAuthToken.generate(random);
        IssuedToken accessItem = issued(access, TokenKind.ACCESS, client.get(), now.plus(ACCESS_LIFETIME),
                Optional.empty());
        IssuedToken refreshItem = issued(refresh, TokenKind.REFRESH, client.get(), now.plus(REFRESH_LIFETIME),
                Optional.of(access.hash()));
        return switch (command.grant()) {
            case IssueTokenCommand.ClientCredentials credentials -> {
                tokens.add(accessItem, refreshItem);
                yield new IssueTokenResult.Issued(access, refresh, ACCESS_LIFETIME);
            }
            case IssueTokenCommand.RefreshToken grant -> {
                String spent = grant.refreshToken().hash();
                boolean usable = OAuthToken.wellFormed(grant.refreshToken().value()) && tokens.find(spent)
                        .filter(token -> token.kind() == TokenKind.REFRESH && !token.expiredAt(now)
                                && token.clientId().equals(command.clientId()))
                        .isPresent();
                if (!usable || !tokens.rotate(spent, now, accessItem, refreshItem)) {
                    yield new IssueTokenResult.InvalidGrant(
                            "the refresh_token is unknown, expired, already used, revoked or another client's");
                }
                yield new IssueTokenResult.Issued(access, refresh, ACCESS_LIFETIME);
            }
        };
    }

    private static IssuedToken issued(OAuthToken token, TokenKind kind, OAuthClient client, Instant expires,
            Optional<String> pairedHash) {
        return new IssuedToken(token.hash(), kind, client.owner(), client.environment(), client.clientId(),
                client.managesExpiration(), expires, pairedHash);
    }
}
