package dev.reelforge.core.callback;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A receiver's {@code Retry-After}: a number of seconds, or an HTTP date. */
public sealed interface RetryAfter {

    /** How long from {@code now}; never negative. */
    Duration from(Instant now);

    record Seconds(long seconds) implements RetryAfter {
        @Override
        public Duration from(Instant now) {
            return Duration.ofSeconds(seconds);
        }
    }

    record At(Instant at) implements RetryAfter {
        @Override
        public Duration from(Instant now) {
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        }
    }

    /** The header's value read as HTTP says, or empty when it is neither form. */
    static Optional<RetryAfter> parse(String value) {
        String text = value.strip();
        if (text.matches("[0-9]{1,12}")) {
            return Optional.of(new Seconds(Long.parseLong(text)));
        }
        try {
            return Optional.of(new At(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
