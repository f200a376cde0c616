package dev.reelforge.core.callback;

import java.time.Instant;
import java.util.List;

/** The same active secrets for every owner. */
record InMemoryWebhookSecrets(List<WebhookSecret> secrets) implements WebhookSecrets {

    @Override
    public List<WebhookSecret> active(String owner, Instant now) {
        return secrets;
    }
}
