package dev.reelforge.core.callback;

import java.time.Instant;
import java.util.List;

/** The owner's active signing secrets: the current one, and the previous one during a rotation. */
public interface WebhookSecrets {

    /** Never empty: an owner with no secret yet gets one. */
    List<WebhookSecret> active(String owner, Instant now);
}
