package dev.reelforge.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.callback.CallbackPoster.PostOutcome.Answered;
import dev.reelforge.core.callback.DeliverCallbackTest.MovableClock;
import dev.reelforge.core.callback.InMemoryCallbackQueue.Message;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetryDueCallbacksTest {

    private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07Z");

    private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    private final InMemoryCallbackQueue queue = new InMemoryCallbackQueue();
    private final ScriptedCallbackPoster receiver = new ScriptedCallbackPoster();
    private final MovableClock clock = new MovableClock(CREATED);
    private final DeliverCallback sender = new DeliverCallback(deliveries,
            new InMemoryWebhookSecrets(List.of(WebhookSecret.generate(new SecureRandom()))), receiver, queue, clock);
    private final RetryDueCallbacks sweep = new RetryDueCallbacks(deliveries, queue, clock);

    private Delivery pending() {
        Delivery delivery = Delivery.pending(new CallbackPayload.Render(UUID.randomUUID(), "owner1", "done",
                Optional.empty(), Optional.empty(), CREATED), "https://hooks.example.com/", CREATED);
        deliveries.create(delivery);
        return delivery;
    }

    private List<String> sweepAt(Instant at) {
        clock.moveTo(at);
        return sweep.sweep(new RetryDueCallbacksCommand(100)).enqueued();
    }

    @Test
    void aDeliveryWaitingLongerThanAMessageCanIsEnqueuedOnceWhenDue() {
        Delivery delivery = pending();
        receiver.answering(new Answered(500, Optional.empty()));
        for (int attempt = 1; attempt <= 3; attempt++) {
            sender.deliver(new DeliverCallbackCommand(delivery.id()));
            deliveries.find(delivery.id()).orElseThrow().nextAttemptAt().ifPresent(clock::moveTo);
        }
        queue.messages.clear();
        Instant due = CREATED.plusSeconds(5).plus(Duration.ofMinutes(35)); // after 5 s, 5 min, then 30 min

        assertThat(sweepAt(due.minusSeconds(1))).isEmpty();
        assertThat(sweepAt(due)).containsExactly(delivery.id());
        assertThat(sweepAt(due.plus(Duration.ofMinutes(1)))).as("a minute later").isEmpty();
        assertThat(queue.messages).containsExactly(new Message(delivery.id(), Duration.ZERO));
    }

    @Test
    void aDeliveryWhoseMessageIsOnItsWayIsLeftAlone() {
        Delivery delivery = pending();
        receiver.answering(new Answered(500, Optional.empty()));
        sender.deliver(new DeliverCallbackCommand(delivery.id()));

        assertThat(sweepAt(CREATED.plus(Duration.ofMinutes(1)))).isEmpty();
        assertThat(sweepAt(CREATED.plus(Duration.ofMinutes(29)))).isEmpty();
    }

    @Test
    void aDeliveryWhoseMessageWasLostIsEnqueuedAgainAfterHalfAnHour() {
        Delivery delivery = pending();

        assertThat(sweepAt(CREATED.plus(Duration.ofMinutes(30)))).isEmpty();
        assertThat(sweepAt(CREATED.plus(Duration.ofMinutes(30)).plusSeconds(1))).containsExactly(delivery.id());
        assertThat(sweepAt(CREATED.plus(Duration.ofMinutes(45)))).isEmpty();
    }

    @Test
    void finishedDeliveriesAreNeverEnqueued() {
        Delivery delivery = pending();
        receiver.answering(new Answered(200, Optional.empty()));
        sender.deliver(new DeliverCallbackCommand(delivery.id()));

        assertThat(sweepAt(CREATED.plus(Duration.ofDays(3)))).isEmpty();
        assertThat(queue.messages).isEmpty();
    }
}
