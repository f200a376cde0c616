package dev.reelforge.core.callback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a callback delivery stands. It only moves forward: {@code pending} (attempts remain) ends
 * {@code delivered} (the receiver answered 2xx or 3xx), {@code stopped} (410 Gone: the receiver does not
 * want it) or {@code dead_lettered} (attempts exhausted, or the address refused by the guard).
 */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    STOPPED,
    DEAD_LETTERED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryState> fromWireName(String name) {
        return Arrays.stream(values()).filter(state -> state.wireName().equals(name)).findFirst();
    }

    public boolean isFinal() {
        return this != PENDING;
    }

    public boolean canMoveTo(DeliveryState next) {
        return this == PENDING;
    }
}
