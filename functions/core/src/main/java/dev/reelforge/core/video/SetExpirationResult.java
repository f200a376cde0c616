package dev.reelforge.core.video;

import java.time.Instant;
import java.util.UUID;

public sealed interface SetExpirationResult {

    record Set(ExpirationRule rule) implements SetExpirationResult {}

    /** The caller's client may not manage expiration; nothing was looked up or changed. */
    record Forbidden() implements SetExpirationResult {}

    /** {@code at_given_time} must name a moment after now; nothing changed. */
    record NotInTheFuture(Instant expiresAt, Instant now) implements SetExpirationResult {}

    record NotYours(UUID id) implements SetExpirationResult {}

    /** No such video of the caller's, or one whose time has come: it is being deleted and keeps its rule. */
    record NotFound(UUID id) implements SetExpirationResult {}
}
