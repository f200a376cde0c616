package dev.reelforge.core.callback;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Deliveries in a map, with the port's conditional rules. */
public final class InMemoryDeliveries implements Deliveries {

    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();

    @Override
    public boolean create(Delivery pending) {
        return deliveries.putIfAbsent(pending.id(), pending) == null;
    }

    @Override
    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(deliveries.get(id));
    }

    @Override
    public boolean recordAttempt(Attempt attempt) {
        Delivery delivery = deliveries.get(attempt.deliveryId());
        if (delivery == null || !delivery.state().canMoveTo(attempt.next())
                || delivery.attempts() != attempt.number() - 1) {
            return false;
        }
        deliveries.put(delivery.id(), new Delivery(delivery.id(), delivery.owner(), delivery.renderId(),
                delivery.event(), delivery.callbackUrl(), delivery.payload(), attempt.next(), attempt.number(),
                attempt.status(), attempt.error(), attempt.nextAttemptAt(), attempt.enqueued(), delivery.created(),
                attempt.at()));
        return true;
    }

    @Override
    public boolean markEnqueued(String id, int attempts, Optional<Instant> previously, Instant at) {
        Delivery delivery = deliveries.get(id);
        if (delivery == null || delivery.state() != DeliveryState.PENDING || delivery.attempts() != attempts
                || !delivery.enqueued().equals(previously)) {
            return false;
        }
        deliveries.put(id, new Delivery(id, delivery.owner(), delivery.renderId(), delivery.event(),
                delivery.callbackUrl(), delivery.payload(), delivery.state(), attempts, delivery.lastStatus(),
                delivery.lastError(), delivery.nextAttemptAt(), Optional.of(at), delivery.created(),
                delivery.updated()));
        return true;
    }

    @Override
    public List<Delivery> findDue(Instant now, Instant enqueuedBefore, int limit) {
        return deliveries.values().stream()
                .filter(delivery -> delivery.state() == DeliveryState.PENDING)
                .filter(delivery -> delivery.nextAttemptAt().filter(at -> !at.isAfter(now)).isPresent())
                .filter(delivery -> delivery.enqueued().filter(at -> !at.isBefore(enqueuedBefore)).isEmpty())
                .sorted(Comparator.comparing(delivery -> delivery.nextAttemptAt().orElseThrow()))
                .limit(limit)
                .toList();
    }

    @Override
    public List<Delivery> listForRender(String owner, UUID renderId) {
        return deliveries.values().stream()
                .filter(delivery -> delivery.owner().equals(owner) && delivery.renderId().equals(renderId))
                .sorted(Comparator.comparing(Delivery::created))
                .toList();
    }
}
