package dev.reelforge.core.oauth;

/**
 * A client asks the token endpoint for a pair of tokens, authenticated by its id and secret, with a grant: its own
 * credentials ({@code client_credentials}) or a refresh token issued to it ({@code refresh_token}).
 */
public record IssueTokenCommand(String clientId, ClientSecret secret, Grant grant) {

    public sealed interface Grant {}

    public record ClientCredentials() implements Grant {}

    public record RefreshToken(OAuthToken refreshToken) implements Grant {}
}
