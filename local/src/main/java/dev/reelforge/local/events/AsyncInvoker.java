package dev.reelforge.local.events;

import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Lambda's asynchronous invocation, as EventBridge and schedules use it: the event is queued, the function
 * invoked in the background, and a failed invocation retried twice after growing delays (Lambda waits a
 * minute, then two; the embedded stack waits {@code retryDelays}). Tracks work in flight so tests can wait
 * for the stack to settle.
 */
public final class AsyncInvoker implements AutoCloseable {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Duration> retryDelays;
    private final Consumer<String> log;
    private final AtomicInteger inFlight = new AtomicInteger();

    public AsyncInvoker(List<Duration> retryDelays, Consumer<String> log) {
        this.retryDelays = List.copyOf(retryDelays);
        this.log = log;
    }

    public void invoke(LocalFunction function, String eventJson) {
        inFlight.incrementAndGet();
        executor.submit(() -> {
            try {
                Object event = LambdaJson.fromJson(eventJson, function.eventType());
                for (int attempt = 0; ; attempt++) {
                    try {
                        function.invoke(event);
                        return;
                    } catch (RuntimeException failure) {
                        if (attempt >= retryDelays.size()) {
                            log.accept(function.definition().logicalId() + " failed " + (attempt + 1)
                                    + " times; the event is dropped: " + failure.getMessage());
                            return;
                        }
                        Thread.sleep(retryDelays.get(attempt).toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** How many invocations are queued or running. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
