package dev.reelforge.core.callback;

import java.time.Instant;
import java.util.List;

/** The owner's active signing secrets: the current one, and the previous one during a rotation. */
public interface WebhookSecrets {

    /** Never empty, the current secret first: an owner with no secret yet gets one. */
    List<WebhookSecret> active(String owner, Instant now);

    /**
     * Makes {@code next} the owner's current secret; the one it replaces stays active until {@code previousUntil}
     * (callbacks are signed with both meanwhile). A secret still in its grace period is dropped.
     */
    void rotate(String owner, WebhookSecret next, Instant previousUntil);
}
