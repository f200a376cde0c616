package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.dynamodb.DynamoDbDeliveries;
import dev.reelforge.core.callback.Attempt;
import dev.reelforge.core.callback.CallbackPayload;
import dev.reelforge.core.callback.Delivery;
import dev.reelforge.core.callback.DeliveryState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deliveries table as the callback sender and the retry sweep use it, on DynamoDB Local: a delivery is
 * created once, each attempt counts once and only while pending, final deliveries leave the sweep's index,
 * and a render's deliveries list oldest first within their owner.
 *
 * <p>The table is the shared stack's, so each test uses its own owners and ids; the test of the sweep's order
 * and limit uses a time (1970s) no other delivery is due at, so it sees only its own.
 */
class DynamoDbDeliveriesIT {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant T2 = T0.plusSeconds(2);
    private static final Instant T3 = T0.plusSeconds(3);
    /** As the enqueuedBefore of findDue: every delivery's last message counts as older. */
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private static DynamoDbDeliveries deliveries;

    @BeforeAll
    static void connect() {
        var stack = SharedStack.get();
        deliveries = new DynamoDbDeliveries(stack.services().dynamoDb(), stack.tableName("DeliveriesTable"));
    }

    /** A render's "done" callback, created at {@code created} and due at {@code due}, enqueued when created. */
    private static Delivery pending(String owner, UUID renderId, Instant created, Instant due) {
        CallbackPayload payload = new CallbackPayload.Render(renderId, owner, "done",
                Optional.of("https://cdn.reelforge.test/" + renderId + ".mp4"), Optional.empty(), created);
        return new Delivery(payload.deliveryId(), owner, renderId, payload.event(), "https://hooks.example.com/réel",
                payload.json(), DeliveryState.PENDING, 0, Optional.empty(), Optional.empty(), Optional.of(due),
                Optional.of(created), created, created);
    }

    private static Delivery pending(String owner, Instant at) {
        return pending(owner, UUID.randomUUID(), at, at);
    }

    private static Delivery assetReady(String owner, UUID renderId, Instant created) {
        CallbackPayload payload = new CallbackPayload.Asset(UUID.randomUUID(), renderId, owner, "ready",
                Optional.of("https://cdn.reelforge.test/" + created.toEpochMilli() + ".mp4"), Optional.empty(), created);
        return new Delivery(payload.deliveryId(), owner, renderId, payload.event(), "https://hooks.example.com/",
                payload.json(), DeliveryState.PENDING, 0, Optional.empty(), Optional.empty(), Optional.of(created),
                Optional.of(created), created, created);
    }

    private static Attempt retry(Delivery delivery, int number, Optional<Integer> status, String error, Instant at,
            Instant next, Optional<Instant> enqueued) {
        return new Attempt(delivery.id(), number, status, Optional.of(error), DeliveryState.PENDING, Optional.of(next),
                enqueued, at);
    }

    private static Attempt finalAttempt(Delivery delivery, int number, Optional<Integer> status, Optional<String> error,
            DeliveryState state, Instant at) {
        return new Attempt(delivery.id(), number, status, error, state, Optional.empty(), Optional.empty(), at);
    }

    private static List<String> ids(List<Delivery> found) {
        return found.stream().map(Delivery::id).toList();
    }

    @Test
    void aDeliveryIsCreatedOnceAndReadBackExactlyAsStored() {
        Delivery first = pending("deliveriesit1", T0);
        Delivery sameEventAnnouncedAgain = pending("deliveriesit1", first.renderId(), T1, T1);

        assertThat(deliveries.create(first)).isTrue();
        assertThat(deliveries.create(sameEventAnnouncedAgain)).isFalse();

        assertThat(deliveries.find(first.id())).contains(first);
        assertThat(deliveries.find(first.id()).orElseThrow().payload()).isEqualTo(first.payload());
        assertThat(deliveries.find("msg_unknown")).isEmpty();
    }

    @Test
    void eachAttemptIsRecordedOnceInTurnAndAStaleOrSkippedNumberChangesNothing() {
        Delivery delivery = pending("deliveriesit2", T0);
        deliveries.create(delivery);

        assertThat(deliveries.recordAttempt(retry(delivery, 1, Optional.of(500), "the receiver answered 500", T1,
                T1.plusSeconds(5), Optional.of(T1)))).isTrue();
        assertThat(deliveries.recordAttempt(retry(delivery, 1, Optional.of(503), "a copy of the message", T1,
                T1.plusSeconds(5), Optional.of(T1)))).as("the same attempt again").isFalse();
        assertThat(deliveries.recordAttempt(retry(delivery, 3, Optional.of(500), "skipped one", T1,
                T1.plusSeconds(5), Optional.of(T1)))).as("an attempt number skipped").isFalse();
        assertThat(deliveries.find(delivery.id()).orElseThrow())
                .returns(DeliveryState.PENDING, Delivery::state).returns(1, Delivery::attempts)
                .returns(Optional.of(500), Delivery::lastStatus)
                .returns(Optional.of("the receiver answered 500"), Delivery::lastError)
                .returns(Optional.of(T1.plusSeconds(5)), Delivery::nextAttemptAt)
                .returns(Optional.of(T1), Delivery::enqueued).returns(T0, Delivery::created).returns(T1, Delivery::updated);

        assertThat(deliveries.recordAttempt(retry(delivery, 2, Optional.empty(), "connection timed out", T2,
                T2.plusSeconds(1800), Optional.empty()))).isTrue();
        assertThat(deliveries.find(delivery.id()).orElseThrow())
                .as("no answer: no status; a long delay: not enqueued, waits for the sweep")
                .returns(2, Delivery::attempts).returns(Optional.empty(), Delivery::lastStatus)
                .returns(Optional.of("connection timed out"), Delivery::lastError)
                .returns(Optional.of(T2.plusSeconds(1800)), Delivery::nextAttemptAt)
                .returns(Optional.empty(), Delivery::enqueued);

        assertThat(deliveries.recordAttempt(
                finalAttempt(delivery, 3, Optional.of(204), Optional.empty(), DeliveryState.DELIVERED, T3))).isTrue();
        assertThat(deliveries.recordAttempt(
                finalAttempt(delivery, 4, Optional.of(410), Optional.of("gone"), DeliveryState.STOPPED, T3)))
                .as("nothing follows a final state").isFalse();
        Delivery delivered = deliveries.find(delivery.id()).orElseThrow();
        assertThat(delivered).returns(DeliveryState.DELIVERED, Delivery::state).returns(3, Delivery::attempts)
                .returns(Optional.of(204), Delivery::lastStatus).returns(Optional.empty(), Delivery::lastError)
                .returns(Optional.empty(), Delivery::nextAttemptAt).returns(Optional.empty(), Delivery::enqueued)
                .returns(T3, Delivery::updated);
        assertThat(delivered.payload()).isEqualTo(delivery.payload());

        assertThat(deliveries.recordAttempt(finalAttempt(pending("deliveriesit2", T0), 1, Optional.of(200),
                Optional.empty(), DeliveryState.DELIVERED, T1))).as("a delivery never created").isFalse();
    }

    @Test
    void deliveredStoppedAndDeadLetteredDeliveriesAreNoLongerDue() {
        Delivery delivered = pending("deliveriesit3", T0);
        Delivery stopped = pending("deliveriesit3", T0);
        Delivery deadLettered = pending("deliveriesit3", T0);
        Delivery retried = pending("deliveriesit3", T0);
        List.of(delivered, stopped, deadLettered, retried).forEach(deliveries::create);
        List<String> ours = ids(List.of(delivered, stopped, deadLettered, retried));
        assertThat(ids(deliveries.findDue(T1, FAR_FUTURE, 1000))).containsAll(ours);

        deliveries.recordAttempt(finalAttempt(delivered, 1, Optional.of(200), Optional.empty(), DeliveryState.DELIVERED, T1));
        deliveries.recordAttempt(finalAttempt(stopped, 1, Optional.of(410), Optional.of("the receiver answered 410 Gone"),
                DeliveryState.STOPPED, T1));
        deliveries.recordAttempt(finalAttempt(deadLettered, 1, Optional.empty(),
                Optional.of("the callback address is not public"), DeliveryState.DEAD_LETTERED, T1));
        deliveries.recordAttempt(retry(retried, 1, Optional.of(502), "the receiver answered 502", T1, T2, Optional.of(T1)));

        assertThat(ids(deliveries.findDue(T2, FAR_FUTURE, 1000))).filteredOn(ours::contains).containsExactly(retried.id());
        assertThat(ids(deliveries.findDue(T1, FAR_FUTURE, 1000))).as("the retried one is due at its next attempt only")
                .doesNotContainAnyElementsOf(ours);
    }

    @Test
    void dueDeliveriesComeEarliestFirstUpToTheLimitAndNotBeforeTheirTime() {
        Instant epoch = Instant.parse("1971-01-01T00:00:00Z").plusMillis(new Random().nextInt(86_400_000));
        Delivery third = pending("deliveriesit4", UUID.randomUUID(), epoch, epoch.plusSeconds(3));
        Delivery first = pending("deliveriesit4", UUID.randomUUID(), epoch, epoch.plusSeconds(1));
        Delivery notYetDue = pending("deliveriesit4", UUID.randomUUID(), epoch, epoch.plusSeconds(10));
        Delivery second = pending("deliveriesit4", UUID.randomUUID(), epoch, epoch.plusSeconds(2));
        List.of(third, first, notYetDue, second).forEach(deliveries::create);
        Instant now = epoch.plusSeconds(5);

        assertThat(ids(deliveries.findDue(now, FAR_FUTURE, 10))).containsExactly(first.id(), second.id(), third.id());
        assertThat(ids(deliveries.findDue(now, FAR_FUTURE, 2))).containsExactly(first.id(), second.id());
        assertThat(ids(deliveries.findDue(epoch.plusSeconds(2), FAR_FUTURE, 10))).as("due at exactly now")
                .containsExactly(first.id(), second.id());
        assertThat(deliveries.findDue(epoch.plusMillis(999), FAR_FUTURE, 10)).isEmpty();
        assertThat(deliveries.findDue(now, FAR_FUTURE, 10).getFirst()).as("read whole from the index").isEqualTo(first);
    }

    @Test
    void deliveriesWithARecentMessageAreLeftOutBeforeTheLimitIsCounted() {
        // earlier than any other test's deliveries, so that the index's first entries are these; made final at the
        // end, so that no other test meets them
        Instant epoch = Instant.parse("1970-06-01T00:00:00Z").plusMillis(new Random().nextInt(86_400_000));
        Delivery recentlyQueued = pending("deliveriesit6", UUID.randomUUID(), epoch.plusSeconds(60), epoch);
        Delivery waiting = pending("deliveriesit6", UUID.randomUUID(), epoch, epoch.plusSeconds(1));
        List.of(recentlyQueued, waiting).forEach(deliveries::create);
        Instant now = epoch.plusSeconds(120);
        try {
            assertThat(ids(deliveries.findDue(now, epoch.plusSeconds(30), 1))).as("the limit counts waiting ones only")
                    .containsExactly(waiting.id());
            assertThat(ids(deliveries.findDue(now, epoch.plusSeconds(90), 10))).as("a message older than that is lost")
                    .containsExactly(recentlyQueued.id(), waiting.id());
        } finally {
            for (Delivery delivery : List.of(recentlyQueued, waiting)) {
                deliveries.recordAttempt(finalAttempt(delivery, 1, Optional.of(204), Optional.empty(),
                        DeliveryState.DELIVERED, now));
            }
        }
    }

    @Test
    void onlyAPendingDeliveryLastEnqueuedWhenTheSweepSawItIsMarkedEnqueued() {
        Delivery delivery = pending("deliveriesit5", T0);
        deliveries.create(delivery);

        assertThat(deliveries.markEnqueued(delivery.id(), 0, Optional.of(T1), T2)).as("enqueued at another time").isFalse();
        assertThat(deliveries.markEnqueued(delivery.id(), 0, Optional.empty(), T2)).as("enqueued, not waiting").isFalse();
        assertThat(deliveries.markEnqueued(delivery.id(), 1, Optional.of(T0), T2)).as("another attempt count").isFalse();
        assertThat(deliveries.markEnqueued(delivery.id(), 0, Optional.of(T0), T2)).isTrue();
        assertThat(deliveries.markEnqueued(delivery.id(), 0, Optional.of(T0), T3)).as("a second sweep").isFalse();
        assertThat(deliveries.find(delivery.id()).orElseThrow())
                .returns(Optional.of(T2), Delivery::enqueued).returns(T0, Delivery::updated)
                .returns(0, Delivery::attempts).returns(DeliveryState.PENDING, Delivery::state);

        deliveries.recordAttempt(retry(delivery, 1, Optional.of(500), "the receiver answered 500", T3,
                T3.plusSeconds(3600), Optional.empty()));
        assertThat(deliveries.markEnqueued(delivery.id(), 1, Optional.empty(), T3.plusSeconds(3600))).isTrue();
        assertThat(deliveries.find(delivery.id()).orElseThrow().enqueued()).contains(T3.plusSeconds(3600));

        deliveries.recordAttempt(finalAttempt(delivery, 2, Optional.of(200), Optional.empty(), DeliveryState.DELIVERED,
                T3.plusSeconds(3601)));
        assertThat(deliveries.markEnqueued(delivery.id(), 2, Optional.empty(), T3.plusSeconds(3602)))
                .as("a final delivery").isFalse();
        assertThat(deliveries.find(delivery.id()).orElseThrow().enqueued()).isEmpty();

        assertThat(deliveries.markEnqueued("msg_never_created", 0, Optional.empty(), T1)).isFalse();
        assertThat(deliveries.find("msg_never_created")).as("a change never creates a delivery").isEmpty();
    }

    @Test
    void aRendersDeliveriesAreListedOldestFirstForItsOwnerOnly() {
        UUID renderId = UUID.randomUUID();
        Delivery renderDone = pending("deliveriesit6", renderId, T2, T2);
        Delivery videoReady = assetReady("deliveriesit6", renderId, T0);
        Delivery posterReady = assetReady("deliveriesit6", renderId, T1);
        Delivery sameRenderIdOtherOwner = assetReady("deliveriesit7", renderId, T0);
        Delivery otherRender = pending("deliveriesit6", UUID.randomUUID(), T0, T0);
        List.of(renderDone, posterReady, videoReady, sameRenderIdOtherOwner, otherRender).forEach(deliveries::create);
        deliveries.recordAttempt(finalAttempt(videoReady, 1, Optional.of(200), Optional.empty(), DeliveryState.DELIVERED,
                T3));

        assertThat(ids(deliveries.listForRender("deliveriesit6", renderId)))
                .containsExactly(videoReady.id(), posterReady.id(), renderDone.id());
        assertThat(deliveries.listForRender("deliveriesit6", renderId).getFirst())
                .returns(DeliveryState.DELIVERED, Delivery::state).returns("asset.ready", Delivery::event)
                .returns(1, Delivery::attempts);
        assertThat(deliveries.listForRender("deliveriesit7", renderId)).containsExactly(sameRenderIdOtherOwner);
        assertThat(deliveries.listForRender("deliveriesit6", UUID.randomUUID())).isEmpty();
        assertThat(deliveries.listForRender("deliveriesit8", renderId)).isEmpty();
    }
}
