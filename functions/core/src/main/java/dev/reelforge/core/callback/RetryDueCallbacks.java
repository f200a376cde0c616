package dev.reelforge.core.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The retry sweep (every minute): a queue message can wait at most {@link CallbackQueue#MAX_DELAY}, so a
 * delivery whose next attempt is further off waits here, and is put back on the queue once due. It also
 * recovers deliveries whose message was lost (a crash after recording an attempt, a message that kept
 * failing): due, and enqueued longer ago than {@link #LOST_AFTER} with no attempt since.
 *
 * <p>The delivery is marked enqueued (conditionally) before the message is sent, so two sweeps never both
 * send one; a crash between the two is recovered by a later sweep, after {@link #LOST_AFTER}.
 */
public final class RetryDueCallbacks {

    /** Longer than the longest message delay plus a few tries of the sender. */
    static final Duration LOST_AFTER = CallbackQueue.MAX_DELAY.plusMinutes(15);

    private final Deliveries deliveries;
    private final CallbackQueue queue;
    private final Clock clock;

    public RetryDueCallbacks(Deliveries deliveries, CallbackQueue queue, Clock clock) {
        this.deliveries = deliveries;
        this.queue = queue;
        this.clock = clock;
    }

    public RetryDueCallbacksResult sweep(RetryDueCallbacksCommand command) {
        Instant now = clock.instant();
        List<String> enqueued = new ArrayList<>();
        for (Delivery due : deliveries.findDue(now, now.minus(LOST_AFTER), command.limit())) {
            if (deliveries.markEnqueued(due.id(), due.attempts(), due.enqueued(), now)) {
                queue.enqueue(due.id(), Duration.ZERO);
                enqueued.add(due.id());
            }
        }
        return new RetryDueCallbacksResult(enqueued);
    }
}
