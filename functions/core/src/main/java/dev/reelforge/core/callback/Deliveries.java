package dev.reelforge.core.callback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where callback deliveries are kept. Changes are conditional, so that copies of one queue message, or a
 * message and the retry sweep, never record the same attempt twice nor move a final delivery.
 */
public interface Deliveries {

    /** Stores the delivery unless one with its id exists: true when this call created it. */
    boolean create(Delivery pending);

    Optional<Delivery> find(String id);

    /**
     * Records {@code attempt} if the delivery is pending and has made exactly {@code attempt.number() - 1}
     * attempts; false (and nothing changes) otherwise.
     */
    boolean recordAttempt(Attempt attempt);

    /**
     * Notes that a queue message for the next attempt was sent at {@code at}, if the delivery is still pending
     * with {@code attempts} attempts made and was last enqueued {@code previously}; false otherwise.
     */
    boolean markEnqueued(String id, int attempts, Optional<Instant> previously, Instant at);

    /**
     * Pending deliveries whose next attempt is due at or before {@code now} and that have no queue message sent at
     * or after {@code enqueuedBefore} (none at all, or an older one, presumed lost), earliest due first, at most
     * {@code limit}. Those with a recent message are skipped here rather than by the caller, so that a few that keep
     * failing cannot hide the rest behind the limit.
     */
    List<Delivery> findDue(Instant now, Instant enqueuedBefore, int limit);

    /** The owner's deliveries about one of their renders (its own and its assets'), oldest first. */
    List<Delivery> listForRender(String owner, UUID renderId);
}
