package dev.reelforge.core.callback;

import java.time.Instant;

/** The owner's new secret, and until when callbacks are also signed with the one it replaced. */
public record RotateWebhookSecretResult(WebhookSecret current, Instant previousValidUntil) {}
