package dev.reelforge.core.callback;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Gives an owner a new webhook secret. For a day, callbacks carry a signature by each secret (the
 * {@code webhook-signature} header lists both), so receivers can switch to the new one without missing a callback.
 */
public final class RotateWebhookSecret {

    /** How long the replaced secret keeps signing. */
    public static final Duration GRACE = Duration.ofHours(24);

    private final WebhookSecrets secrets;
    private final Clock clock;
    private final SecureRandom random;

    public RotateWebhookSecret(WebhookSecrets secrets, Clock clock, SecureRandom random) {
        this.secrets = secrets;
        this.clock = clock;
        this.random = random;
    }

    public RotateWebhookSecretResult rotate(RotateWebhookSecretCommand command) {
        WebhookSecret next = WebhookSecret.generate(random);
        Instant previousUntil = clock.instant().plus(GRACE);
        secrets.rotate(command.owner(), next, previousUntil);
        return new RotateWebhookSecretResult(next, previousUntil);
    }
}
