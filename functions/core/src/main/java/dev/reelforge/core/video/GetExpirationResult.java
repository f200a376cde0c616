package dev.reelforge.core.video;

import java.util.UUID;

public sealed interface GetExpirationResult {

    record Found(ExpirationRule rule) implements GetExpirationResult {}

    /** The caller's client may not manage expiration; nothing was looked up. */
    record Forbidden() implements GetExpirationResult {}

    record NotYours(UUID id) implements GetExpirationResult {}

    record NotFound(UUID id) implements GetExpirationResult {}
}
