package dev.reelforge.core.callback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Remembers the messages sent, in order. */
public final class InMemoryCallbackQueue implements CallbackQueue {

    record Message(String deliveryId, Duration delay) {}

    final List<Message> messages = new ArrayList<>();
    final List<String> deadLetters = new ArrayList<>();

    @Override
    public void enqueue(String deliveryId, Duration delay) {
        messages.add(new Message(deliveryId, delay));
    }

    @Override
    public void deadLetter(String deliveryId) {
        deadLetters.add(deliveryId);
    }
}
