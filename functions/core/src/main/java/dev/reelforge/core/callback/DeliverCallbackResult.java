package dev.reelforge.core.callback;

import java.time.Instant;

/** What one queue message came to. Every outcome acknowledges the message; only exceptions ask for it again. */
public sealed interface DeliverCallbackResult {

    /** The receiver answered 2xx or 3xx. */
    record Delivered(int attempt, int status) implements DeliverCallbackResult {}

    /** The receiver answered 410 Gone: no more attempts. */
    record Stopped(int attempt) implements DeliverCallbackResult {}

    /** Not accepted; attempt {@code attempt + 1} is due at {@code nextAttemptAt}. */
    record RetryScheduled(int attempt, String error, Instant nextAttemptAt) implements DeliverCallbackResult {}

    /** No more attempts: the last one failed, or the address may not be called at all. */
    record DeadLettered(int attempt, String reason) implements DeliverCallbackResult {}

    /** The delivery was already delivered, stopped or dead-lettered: a late or repeated message. */
    record AlreadyFinal(DeliveryState state) implements DeliverCallbackResult {}

    /** Another copy of the message recorded this attempt first; its outcome stands. */
    record Superseded(int attempt) implements DeliverCallbackResult {}

    /** No such delivery. */
    record NotFound(String deliveryId) implements DeliverCallbackResult {}
}
