package dev.reelforge.core.callback;

import dev.reelforge.core.callback.CallbackPoster.PostOutcome;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sender: one attempt of one delivery. The payload is signed for this attempt (Standard Webhooks, with
 * every active secret of the owner) and posted through the guard. 2xx and 3xx deliver it, 410 stops it; any
 * other answer, or none, schedules the next attempt ({@link RetrySchedule}) until the attempts run out and the
 * delivery is dead-lettered. An address the guard refuses is dead-lettered at once: no retry would change it.
 *
 * <p>The attempt is recorded on condition that no other copy of the message recorded it first, so each attempt
 * counts once. The record comes before any message is sent: a crash between the two leaves a delivery that is
 * due with no message for it, which {@link RetryDueCallbacks} finds, never a message for an attempt not made.
 */
public final class DeliverCallback {

    private final Deliveries deliveries;
    private final WebhookSecrets secrets;
    private final CallbackPoster poster;
    private final CallbackQueue queue;
    private final Clock clock;

    public DeliverCallback(Deliveries deliveries, WebhookSecrets secrets, CallbackPoster poster, CallbackQueue queue,
            Clock clock) {
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.poster = poster;
        this.queue = queue;
        this.clock = clock;
    }

    public DeliverCallbackResult deliver(DeliverCallbackCommand command) {
        Optional<Delivery> found = deliveries.find(command.deliveryId());
        if (found.isEmpty()) {
            return new DeliverCallbackResult.NotFound(command.deliveryId());
        }
        Delivery delivery = found.get();
        if (delivery.state().isFinal()) {
            return new DeliverCallbackResult.AlreadyFinal(delivery.state());
        }
        Instant now = clock.instant();
        int number = delivery.attempts() + 1;
        PostOutcome outcome = post(delivery, now);
        return switch (outcome) {
            case PostOutcome.Answered answered when answered.status() >= 200 && answered.status() <= 399 ->
                    finish(delivery, number, Optional.of(answered.status()), Optional.empty(),
                            DeliveryState.DELIVERED, now);
            case PostOutcome.Answered answered when answered.status() == 410 ->
                    finish(delivery, number, Optional.of(410), Optional.of("the receiver answered 410 Gone"),
                            DeliveryState.STOPPED, now);
            case PostOutcome.Answered answered -> retry(delivery, number, Optional.of(answered.status()),
                    "the receiver answered " + answered.status(), answered.retryAfter(), now);
            case PostOutcome.Unreachable unreachable ->
                    retry(delivery, number, Optional.empty(), unreachable.reason(), Optional.empty(), now);
            case PostOutcome.Refused refused -> finish(delivery, number, Optional.empty(),
                    Optional.of(refused.reason()), DeliveryState.DEAD_LETTERED, now);
        };
    }

    private PostOutcome post(Delivery delivery, Instant now) {
        URI url;
        try {
            url = new URI(delivery.callbackUrl());
        } catch (URISyntaxException e) {
            return new PostOutcome.Refused("the callback URL is not valid");
        }
        Map<String, String> headers = new LinkedHashMap<>(
                WebhookSigner.headers(delivery.id(), now, delivery.payload(), secrets.active(delivery.owner(), now)));
        headers.put("content-type", "application/json");
        return poster.post(url, headers, delivery.payload());
    }

    private DeliverCallbackResult retry(Delivery delivery, int number, Optional<Integer> status, String error,
            Optional<RetryAfter> retryAfter, Instant now) {
        Optional<Duration> delay = RetrySchedule.delayAfter(number, retryAfter, now);
        if (delay.isEmpty()) {
            return finish(delivery, number, status, Optional.of(error), DeliveryState.DEAD_LETTERED, now);
        }
        boolean queuedNow = delay.get().compareTo(queue.longestDelay()) <= 0;
        Instant next = now.plus(delay.get());
        Attempt attempt = new Attempt(delivery.id(), number, status, Optional.of(error), DeliveryState.PENDING,
                Optional.of(next), queuedNow ? Optional.of(now) : Optional.empty(), now);
        if (!deliveries.recordAttempt(attempt)) {
            return new DeliverCallbackResult.Superseded(number);
        }
        if (queuedNow) {
            queue.enqueue(delivery.id(), delay.get());
        }
        return new DeliverCallbackResult.RetryScheduled(number, error, next);
    }

    private DeliverCallbackResult finish(Delivery delivery, int number, Optional<Integer> status,
            Optional<String> error, DeliveryState state, Instant now) {
        Attempt attempt = new Attempt(delivery.id(), number, status, error, state, Optional.empty(), Optional.empty(),
                now);
        if (!deliveries.recordAttempt(attempt)) {
            return new DeliverCallbackResult.Superseded(number);
        }
        return switch (state) {
            case DELIVERED -> new DeliverCallbackResult.Delivered(number, status.orElseThrow());
            case STOPPED -> new DeliverCallbackResult.Stopped(number);
            case DEAD_LETTERED -> {
                queue.deadLetter(delivery.id());
                yield new DeliverCallbackResult.DeadLettered(number, error.orElseThrow());
            }
            case PENDING -> throw new IllegalStateException("a finished attempt leaves the delivery final");
        };
    }
}
