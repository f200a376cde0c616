package dev.reelforge.core.appauth;

/** A new Picovico app's credentials, shown once: afterwards only the secret's hash exists. */
public record CreatedApp(String appId, AppSecret secret) {}
