package dev.reelforge.core.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a callback that was not accepted is tried again: the first attempt is immediate, then 5 s, 5 min,
 * 30 min, 2 h, 5 h and 10 h five times: 11 attempts over about 57.6 hours. A receiver's {@code Retry-After}
 * is honoured when it asks for longer than the schedule, up to {@link #LONGEST}.
 */
public final class RetrySchedule {

    static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10), Duration.ofHours(10), Duration.ofHours(10), Duration.ofHours(10));

    public static final int MAX_ATTEMPTS = DELAYS.size() + 1;
    public static final Duration LONGEST = Duration.ofHours(10);

    private RetrySchedule() {}

    /** How long to wait after attempt number {@code attemptsMade} failed; empty when it was the last. */
    public static Optional<Duration> delayAfter(int attemptsMade, Optional<RetryAfter> retryAfter, Instant now) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("no attempt was made yet");
        }
        if (attemptsMade >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        Duration scheduled = DELAYS.get(attemptsMade - 1);
        Duration asked = retryAfter.map(after -> after.from(now)).orElse(Duration.ZERO);
        Duration capped = asked.compareTo(LONGEST) > 0 ? LONGEST : asked;
        return Optional.of(capped.compareTo(scheduled) > 0 ? capped : scheduled);
    }
}
