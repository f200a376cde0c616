package dev.reelforge.core.callback;

public record RotateWebhookSecretCommand(String owner) {}
