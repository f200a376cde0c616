package dev.reelforge.sources;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link GuardedMediaSampler} may fetch of one source: {@code headBytes} from its start (one ranged GET),
 * at most {@code maxBytes} in all (the head, and an index found beyond it; a server without range support is read
 * this far and no further), all of it within {@code deadline} from the first connection (so a slow server is
 * refused, not waited for), sources declaring more than {@code maxSourceBytes} refused, loopback only when
 * {@code allowLoopback}, at most {@code maxRedirects} same-host redirects.
 */
public record SampleLimits(long headBytes, long maxBytes, long maxSourceBytes, Duration connectTimeout,
        Duration deadline, boolean allowLoopback, int maxRedirects) {

    public SampleLimits {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(deadline, "deadline");
        if (headBytes <= 0 || maxBytes < headBytes || maxSourceBytes < maxBytes) {
            throw new IllegalArgumentException("need 0 < headBytes <= maxBytes <= maxSourceBytes");
        }
        if (deadline.toMillis() < 1 || connectTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1 ms");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
    }
}
