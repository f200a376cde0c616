package dev.reelforge.local.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the pollers of one table's stream when a function that may write to the table has run (its template
 * policies allow item writes on it), or the stack's own client wrote to it ({@link TableWriteAnnouncer}: a test
 * seeding a table): they read the stream at once instead of waiting out their idle interval. An idle stack then reads
 * its streams seldom, and a record a function wrote reaches its consumers as soon as the function returns. Reads (a
 * client polling a render's status) wake nothing. A write from another process's client is seen at the idle
 * interval.
 */
public final class StreamWakeups {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private long generation;

    /** A function that may write to the table has run: every poller of its stream reads now. */
    public void wake() {
        lock.lock();
        try {
            generation++;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many wake-ups there have been; what a poller passes to {@link #await} after it has read. */
    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a wake-up after {@code seen}, or for {@code millis} at most. */
    void await(long seen, long millis) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            while (generation == seen && left > 0) {
                left = woken.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
