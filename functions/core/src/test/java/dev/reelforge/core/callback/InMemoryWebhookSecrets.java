package dev.reelforge.core.callback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The same active secrets for every owner; a rotation puts the new secret first and keeps the old one. */
final class InMemoryWebhookSecrets implements WebhookSecrets {

    private final List<WebhookSecret> secrets;
    private Instant previousUntil = Instant.MAX;

    InMemoryWebhookSecrets(List<WebhookSecret> secrets) {
        this.secrets = new ArrayList<>(secrets);
    }

    @Override
    public List<WebhookSecret> active(String owner, Instant now) {
        return now.isBefore(previousUntil) ? List.copyOf(secrets) : List.of(secrets.getFirst());
    }

    @Override
    public void rotate(String owner, WebhookSecret next, Instant previousUntil) {
        WebhookSecret current = secrets.getFirst();
        secrets.clear();
        secrets.add(next);
        secrets.add(current);
        this.previousUntil = previousUntil;
    }
}
