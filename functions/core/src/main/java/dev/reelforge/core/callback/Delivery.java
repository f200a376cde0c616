package dev.reelforge.core.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One callback to one URL, and how its attempts went. {@code id} is the {@code webhook-id}
 * ({@link DeliveryId}); {@code payload} the exact JSON body, signed anew at each attempt. While pending,
 * {@code nextAttemptAt} says when the next attempt is due, and {@code enqueued} when a queue message for
 * it was last sent (empty while the delivery waits for {@link RetryDueCallbacks} to send one).
 */
public record Delivery(String id, String owner, UUID renderId, String event, String callbackUrl, String payload,
        DeliveryState state, int attempts, Optional<Integer> lastStatus, Optional<String> lastError,
        Optional<Instant> nextAttemptAt, Optional<Instant> enqueued, Instant created, Instant updated) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(renderId, "renderId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(enqueued, "enqueued");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        if (attempts < 0 || attempts > RetrySchedule.MAX_ATTEMPTS) {
            throw new IllegalArgumentException("attempts out of range: " + attempts);
        }
    }

    /** A new delivery of {@code payload} to {@code callbackUrl}, due at once and about to be enqueued. */
    public static Delivery pending(CallbackPayload payload, String callbackUrl, Instant now) {
        return new Delivery(payload.deliveryId(), payload.owner(), payload.renderId(), payload.event(), callbackUrl,
                payload.json(), DeliveryState.PENDING, 0, Optional.empty(), Optional.empty(), Optional.of(now),
                Optional.of(now), now, now);
    }
}
