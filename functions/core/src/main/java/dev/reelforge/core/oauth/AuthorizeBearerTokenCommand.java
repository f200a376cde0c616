package dev.reelforge.core.oauth;

/** A caller presents an access token (the text after {@code Bearer }). */
public record AuthorizeBearerTokenCommand(String token) {}
