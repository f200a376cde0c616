package dev.reelforge.core.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of attempt number {@code number} of a delivery: what the receiver answered (or why there was
 * no answer), the state it leaves the delivery in, and when the next attempt is due (pending only).
 * {@code enqueued} is set when the sender itself queues the next attempt (short delays).
 */
public record Attempt(String deliveryId, int number, Optional<Integer> status, Optional<String> error,
        DeliveryState next, Optional<Instant> nextAttemptAt, Optional<Instant> enqueued, Instant at) {

    public Attempt {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(enqueued, "enqueued");
        Objects.requireNonNull(at, "at");
        if (number < 1 || number > RetrySchedule.MAX_ATTEMPTS) {
            throw new IllegalArgumentException("attempt number out of range: " + number);
        }
        if ((next == DeliveryState.PENDING) != nextAttemptAt.isPresent()) {
            throw new IllegalArgumentException("a pending delivery, and only one, has a next attempt");
        }
    }
}
