package dev.reelforge.core.account;

/** A caller presents an API key. */
public record AuthorizeApiKeyCommand(ApiKey apiKey) {}
