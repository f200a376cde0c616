package dev.reelforge.core.render;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a submit under an idempotency key leaves behind, next to its render: the render it made, the hash of the
 * request body that made it ({@link dev.reelforge.core.json.CanonicalJson#sha256}), and when the key is forgotten.
 */
public record IdempotencyRecord(IdempotencyKey key, String requestHash, UUID renderId, Instant expires) {

    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(renderId, "renderId");
        Objects.requireNonNull(expires, "expires");
    }

    /** A record is live until it expires; an expired one counts as absent (DynamoDB's TTL deletes it lazily). */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expires);
    }
}
