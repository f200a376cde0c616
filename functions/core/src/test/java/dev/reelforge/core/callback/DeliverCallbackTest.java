package dev.reelforge.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.callback.CallbackPoster.PostOutcome.Answered;
import dev.reelforge.core.callback.CallbackPoster.PostOutcome.Refused;
import dev.reelforge.core.callback.CallbackPoster.PostOutcome.Unreachable;
import dev.reelforge.core.callback.InMemoryCallbackQueue.Message;
import dev.reelforge.core.callback.WebhookVerifier.Verification.Verified;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliverCallbackTest {

    private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07Z");
    private static final String URL = "https://hooks.example.com/reelforge";
    private static final WebhookSecret SECRET = WebhookSecret.generate(new SecureRandom());

    private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    private final InMemoryCallbackQueue queue = new InMemoryCallbackQueue();
    private final ScriptedCallbackPoster receiver = new ScriptedCallbackPoster();
    private final MovableClock clock = new MovableClock(CREATED);
    private final DeliverCallback sender = new DeliverCallback(deliveries, new InMemoryWebhookSecrets(List.of(SECRET)),
            receiver, queue, clock);

    private Delivery pending() {
        CallbackPayload payload = new CallbackPayload.Render(UUID.randomUUID(), "owner1", "done",
                Optional.of("https://temp.example/x.mp4"), Optional.empty(), CREATED);
        Delivery delivery = Delivery.pending(payload, URL, CREATED);
        deliveries.create(delivery);
        return delivery;
    }

    private DeliverCallbackResult deliver(Delivery delivery) {
        return sender.deliver(new DeliverCallbackCommand(delivery.id()));
    }

    private Delivery stored(Delivery delivery) {
        return deliveries.find(delivery.id()).orElseThrow();
    }

    @Test
    void aSuccessfulAnswerDeliversTheSignedPayloadOnce() {
        Delivery delivery = pending();
        receiver.answering(new Answered(204, Optional.empty()));

        assertThat(deliver(delivery)).isEqualTo(new DeliverCallbackResult.Delivered(1, 204));

        ScriptedCallbackPoster.Post post = receiver.posts.getFirst();
        assertThat(post.url()).isEqualTo(URI.create(URL));
        assertThat(post.body()).isEqualTo(delivery.payload());
        assertThat(post.headers()).containsEntry("content-type", "application/json")
                .containsEntry("webhook-id", delivery.id())
                .containsEntry("webhook-timestamp", Long.toString(CREATED.getEpochSecond()));
        assertThat(new WebhookVerifier(clock).verify(post.headers(), post.body(), List.of(SECRET)))
                .isEqualTo(new Verified());
        Delivery delivered = stored(delivery);
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.lastStatus()).contains(204);
        assertThat(delivered.nextAttemptAt()).isEmpty();
        assertThat(queue.messages).isEmpty();
    }

    @Test
    void aRedirectCountsAsDelivered() {
        Delivery delivery = pending();
        receiver.answering(new Answered(302, Optional.empty()));

        assertThat(deliver(delivery)).isEqualTo(new DeliverCallbackResult.Delivered(1, 302));
    }

    @Test
    void aDeliveredCallbackIsNeverSentAgainWhateverMessagesFollow() {
        Delivery delivery = pending();
        receiver.answering(new Answered(200, Optional.empty()));
        deliver(delivery);

        assertThat(deliver(delivery)).isEqualTo(new DeliverCallbackResult.AlreadyFinal(DeliveryState.DELIVERED));
        assertThat(receiver.posts).hasSize(1);
    }

    @Test
    void goneStopsTheDeliveryForGood() {
        Delivery delivery = pending();
        receiver.answering(new Answered(410, Optional.empty()));

        assertThat(deliver(delivery)).isEqualTo(new DeliverCallbackResult.Stopped(1));
        assertThat(stored(delivery).state()).isEqualTo(DeliveryState.STOPPED);
        assertThat(deliver(delivery)).isEqualTo(new DeliverCallbackResult.AlreadyFinal(DeliveryState.STOPPED));
        assertThat(queue.messages).isEmpty();
        assertThat(queue.deadLetters).isEmpty();
    }

    @Test
    void aServerErrorSchedulesTheNextAttemptFiveSecondsLaterThroughTheQueue() {
        Delivery delivery = pending();
        receiver.answering(new Answered(500, Optional.empty()));

        assertThat(deliver(delivery)).isEqualTo(new DeliverCallbackResult.RetryScheduled(1,
                "the receiver answered 500", CREATED.plusSeconds(5)));

        Delivery retrying = stored(delivery);
        assertThat(retrying.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(retrying.attempts()).isEqualTo(1);
        assertThat(retrying.lastStatus()).contains(500);
        assertThat(retrying.lastError()).contains("the receiver answered 500");
        assertThat(retrying.nextAttemptAt()).contains(CREATED.plusSeconds(5));
        assertThat(queue.messages).containsExactly(new Message(delivery.id(), Duration.ofSeconds(5)));
    }

    @Test
    void anUnreachableReceiverIsRetriedWithTheReason() {
        Delivery delivery = pending();
        receiver.answering(new Unreachable("timed out after 10 s"));

        deliver(delivery);

        assertThat(stored(delivery).lastError()).contains("timed out after 10 s");
        assertThat(stored(delivery).lastStatus()).isEmpty();
        assertThat(queue.messages).containsExactly(new Message(delivery.id(), Duration.ofSeconds(5)));
    }

    @Test
    void aDelayLongerThanAQueueMessageCanWaitIsLeftToTheRetrySweep() {
        Delivery delivery = pending();
        receiver.answering(new Answered(503, RetryAfter.parse("3600")));

        DeliverCallbackResult result = deliver(delivery);

        assertThat(result).isEqualTo(new DeliverCallbackResult.RetryScheduled(1, "the receiver answered 503",
                CREATED.plus(Duration.ofHours(1))));
        assertThat(queue.messages).isEmpty();
        assertThat(stored(delivery).enqueued()).isEmpty();
    }

    @Test
    void afterElevenFailedAttemptsTheDeliveryIsDeadLettered() {
        Delivery delivery = pending();
        receiver.answering(new Answered(500, Optional.empty()));
        DeliverCallbackResult last = null;
        for (int attempt = 1; attempt <= 11; attempt++) {
            last = deliver(delivery);
            stored(delivery).nextAttemptAt().ifPresent(clock::moveTo);
        }

        assertThat(last).isEqualTo(new DeliverCallbackResult.DeadLettered(11, "the receiver answered 500"));
        Delivery dead = stored(delivery);
        assertThat(dead.state()).isEqualTo(DeliveryState.DEAD_LETTERED);
        assertThat(dead.attempts()).isEqualTo(11);
        assertThat(dead.nextAttemptAt()).isEmpty();
        assertThat(Duration.between(CREATED, dead.updated())).isEqualTo(Duration.parse("PT57H35M5S"));
        assertThat(queue.deadLetters).containsExactly(delivery.id());
        assertThat(receiver.posts).hasSize(11);
        assertThat(deliver(delivery)).isEqualTo(new DeliverCallbackResult.AlreadyFinal(DeliveryState.DEAD_LETTERED));
        assertThat(receiver.posts).hasSize(11);
    }

    @Test
    void anAddressTheGuardRefusesIsDeadLetteredAtOnceWithTheReason() {
        Delivery delivery = pending();
        receiver.answering(new Refused("169.254.169.254 is a link-local address, which is not called"));

        assertThat(deliver(delivery)).isEqualTo(new DeliverCallbackResult.DeadLettered(1,
                "169.254.169.254 is a link-local address, which is not called"));
        assertThat(stored(delivery).state()).isEqualTo(DeliveryState.DEAD_LETTERED);
        assertThat(stored(delivery).lastError()).contains("169.254.169.254 is a link-local address, which is not called");
        assertThat(queue.deadLetters).containsExactly(delivery.id());
        assertThat(queue.messages).isEmpty();
    }

    @Test
    void anAttemptAnotherCopyOfTheMessageRecordedFirstIsNotCountedTwice() {
        Delivery delivery = pending();
        receiver.answering(new Answered(500, Optional.empty()));
        // While this copy waits for the receiver, another copy of the same message makes and records the attempt.
        CallbackPoster slow = (url, headers, body) -> {
            sender.deliver(new DeliverCallbackCommand(delivery.id()));
            return new Answered(500, Optional.empty());
        };
        DeliverCallback late = new DeliverCallback(deliveries, new InMemoryWebhookSecrets(List.of(SECRET)), slow,
                queue, clock);

        assertThat(late.deliver(new DeliverCallbackCommand(delivery.id())))
                .isEqualTo(new DeliverCallbackResult.Superseded(1));
        assertThat(stored(delivery).attempts()).isEqualTo(1);
        assertThat(queue.messages).hasSize(1);
    }

    @Test
    void aMessageForNoDeliveryChangesNothing() {
        assertThat(sender.deliver(new DeliverCallbackCommand("msg_unknown")))
                .isEqualTo(new DeliverCallbackResult.NotFound("msg_unknown"));
        assertThat(receiver.posts).isEmpty();
    }

    @Test
    void theTimestampIsTheAttemptsOwnSoARetryStillVerifies() {
        Delivery delivery = pending();
        receiver.answering(new Answered(500, Optional.empty()), new Answered(200, Optional.empty()));
        deliver(delivery);
        clock.moveTo(CREATED.plus(Duration.ofMinutes(20)));

        deliver(delivery);

        ScriptedCallbackPoster.Post retry = receiver.posts.get(1);
        assertThat(retry.headers()).containsEntry("webhook-timestamp",
                Long.toString(CREATED.plus(Duration.ofMinutes(20)).getEpochSecond()));
        assertThat(new WebhookVerifier(clock).verify(retry.headers(), retry.body(), List.of(SECRET)))
                .isEqualTo(new Verified());
    }

    /** A clock the test moves to each attempt's due time. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void moveTo(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
