package dev.reelforge.core.video;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a video is deleted by itself (IBM's expiration rule): {@code never}, or {@code at_given_time}, a moment in
 * whole seconds (IBM's Unix timestamps), when its asset is deleted as the Serve API deletes one.
 */
public sealed interface ExpirationRule {

    String wireName();

    record Never() implements ExpirationRule {

        public static final String WIRE_NAME = "never";

        @Override
        public String wireName() {
            return WIRE_NAME;
        }
    }

    record AtGivenTime(Instant expiresAt) implements ExpirationRule {

        public static final String WIRE_NAME = "at_given_time";

        public AtGivenTime {
            Objects.requireNonNull(expiresAt, "expiresAt");
            expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
        }

        @Override
        public String wireName() {
            return WIRE_NAME;
        }
    }

    static ExpirationRule never() {
        return new Never();
    }
}
