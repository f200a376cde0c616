package dev.reelforge.core.oauth;

import java.util.Optional;

/** A client asks to revoke one of its tokens, access or refresh; {@code clientId} as the client named itself. */
public record RevokeTokenCommand(String token, Optional<String> clientId) {}
