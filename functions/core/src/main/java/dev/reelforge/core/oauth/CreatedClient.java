package dev.reelforge.core.oauth;

/** A new OAuth client's credentials, shown once: afterwards only the secret's hash exists. */
public record CreatedClient(String clientId, ClientSecret secret, boolean managesExpiration) {}
