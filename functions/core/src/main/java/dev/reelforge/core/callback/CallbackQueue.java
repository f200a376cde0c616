package dev.reelforge.core.callback;

import java.time.Duration;

/** The queue that carries deliveries to the sender, and its dead-letter queue. */
public interface CallbackQueue {

    /** The greatest delay a message can be given (SQS: 15 minutes); longer waits go through the retry sweep. */
    Duration MAX_DELAY = Duration.ofMinutes(15);

    /**
     * The longest delay this queue is given for a message; waits beyond it go through the retry sweep. At most
     * {@link #MAX_DELAY}; shorter where the queue's clock is not the deployment's (the embedded stack's queue
     * waits in real time while the rest of the stack follows its controllable clock).
     */
    default Duration longestDelay() {
        return MAX_DELAY;
    }

    void enqueue(String deliveryId, Duration delay);

    /** A copy of the delivery's message for people to look at: its attempts are over. */
    void deadLetter(String deliveryId);
}
