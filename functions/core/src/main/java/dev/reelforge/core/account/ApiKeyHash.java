package dev.reelforge.core.account;

/** The SHA-256 of an API key, in lower-case hex: what the accounts store keeps instead of the key. */
public record ApiKeyHash(String hex) {}
