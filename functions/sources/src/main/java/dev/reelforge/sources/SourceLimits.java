package dev.reelforge.sources;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link GuardedSourceFetcher} may fetch: at most {@code maxBytes} per source, sockets that give up
 * after {@code connectTimeout} (per address tried) and {@code readTimeout} (per read, so a server that
 * keeps sending slowly is bounded only by the caller's own deadline), loopback addresses only when
 * {@code allowLoopback} (the embedded stack serves media on 127.0.0.1), at most {@code maxRedirects}
 * same-host redirects, and {@code s3://} sources only from the {@code sourceBuckets} the deployment names
 * (the worker's role can read its own buckets too, which hold other owners' renders).
 */
public record SourceLimits(long maxBytes, Duration connectTimeout, Duration readTimeout, boolean allowLoopback,
        int maxRedirects, Set<String> sourceBuckets) {

    public SourceLimits {
        sourceBuckets = Set.copyOf(sourceBuckets);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        requireSocketTimeout("connectTimeout", connectTimeout);
        requireSocketTimeout("readTimeout", readTimeout);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
    }

    // Sockets take whole milliseconds as an int, and 0 would mean "wait forever".
    private static void requireSocketTimeout(String name, Duration timeout) {
        if (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and 24 days: " + timeout);
        }
    }

    /** The refusal for a source over {@link #maxBytes}, in the units a person reads. */
    String tooLargeReason() {
        return "larger than the " + new ByteSize(maxBytes) + " source limit";
    }
}
