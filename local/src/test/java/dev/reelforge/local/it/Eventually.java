package dev.reelforge.local.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for what the stack does after an API call has answered (a stream record handled, a file removed): polls
 * until it holds, failing when it still does not after a deadline far beyond how long it takes. Not a measure of
 * speed: the deadline only keeps a broken stack from hanging the build.
 */
final class Eventually {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    private Eventually() {}

    static void holds(String what, BooleanSupplier condition) {
        holds(what, condition, () -> "");
    }

    /** As {@link #holds(String, BooleanSupplier)}, saying what {@code context} tells when it fails (the stack's log). */
    static void holds(String what, BooleanSupplier condition, Supplier<String> context) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(what + ", not within " + DEADLINE + context.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
