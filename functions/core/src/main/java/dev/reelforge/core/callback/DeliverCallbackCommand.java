package dev.reelforge.core.callback;

import java.util.Objects;

/** Make the next attempt of the delivery named by a queue message. */
public record DeliverCallbackCommand(String deliveryId) {

    public DeliverCallbackCommand {
        Objects.requireNonNull(deliveryId, "deliveryId");
    }
}
