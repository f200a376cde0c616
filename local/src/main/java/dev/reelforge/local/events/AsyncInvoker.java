package dev.reelforge.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.DurableFile;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Lambda's asynchronous invocation, as EventBridge, schedules and S3 notifications use it: the event is queued, the
 * function invoked in the background, and a failed invocation retried twice after growing delays (Lambda waits a
 * minute, then two; the embedded stack waits {@code retryDelays}). Tracks work in flight so tests can wait for the
 * stack to settle.
 *
 * <p>Lambda's queue of asynchronous invocations is durable: once {@code Invoke} has answered, the event will be
 * processed. So is this one: {@link #invoke} returns once the event is written to the journal directory (one file per
 * invocation, {@link DurableFile}), and the file is removed when the invocation succeeded or was given up on. A
 * stack killed meanwhile finds the file at its next start and invokes the function again ({@link #resume}): at
 * least once, as on AWS.
 */
public final class AsyncInvoker implements AutoCloseable {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Duration> retryDelays;
    private final Consumer<String> log;
    private final Path journal;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param journal the directory the queued invocations are kept in (created when needed); the stack's
     *                {@code DATA_DIR/invocations}
     */
    public AsyncInvoker(List<Duration> retryDelays, Consumer<String> log, Path journal) {
        this.retryDelays = List.copyOf(retryDelays);
        this.log = log;
        this.journal = journal;
    }

    /** Queues an invocation of {@code function} with the event; it is kept until it has run. */
    public void invoke(LocalFunction function, String eventJson) {
        // time first, so that resuming takes them roughly in the order they came
        Path entry = journal.resolve(String.format(Locale.ROOT, "%013d-%09d-%s.json", System.currentTimeMillis(),
                sequence.incrementAndGet(), function.definition().logicalId()));
        DurableFile.write(entry, Json.write(Json.object().put("function", function.definition().logicalId())
                .put("event", eventJson)).getBytes(StandardCharsets.UTF_8));
        submit(function, eventJson, entry);
    }

    /**
     * Invokes again every invocation the journal still holds: those a killed (or stopped) stack had queued or was
     * running. One for a function the template no longer has is dropped, said so in the log.
     *
     * @return how many were resumed
     */
    public int resume(Map<String, LocalFunction> functions) {
        if (!Files.isDirectory(journal)) {
            return 0;
        }
        List<Path> entries;
        try (Stream<Path> files = Files.list(journal)) {
            entries = files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the invocations kept in " + journal, e);
        }
        int resumed = 0;
        for (Path entry : entries) {
            if (DurableFile.isPartial(entry)) {
                // never acknowledged: the event's sender did not get its answer either
                delete(entry);
                continue;
            }
            JsonNode kept;
            try {
                kept = Json.MAPPER.readTree(Files.readString(entry, StandardCharsets.UTF_8));
            } catch (IOException e) {
                log.accept("the invocation kept in " + entry + " cannot be read, and is dropped: " + e.getMessage());
                delete(entry);
                continue;
            }
            LocalFunction function = functions.get(kept.path("function").asText());
            if (function == null) {
                log.accept("an invocation of " + kept.path("function").asText() + ", which template.yaml no longer"
                        + " has, is dropped");
                delete(entry);
                continue;
            }
            submit(function, kept.path("event").asText(), entry);
            resumed++;
        }
        return resumed;
    }

    private void submit(LocalFunction function, String eventJson, Path entry) {
        inFlight.incrementAndGet();
        try {
            executor.submit(() -> {
                try {
                    if (run(function, eventJson)) {
                        delete(entry);
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException stopped) {
            // the stack is stopping: the event stays in the journal for the next start
            inFlight.decrementAndGet();
            throw stopped;
        }
    }

    /** Invokes with Lambda's retries; true when done with the event (succeeded or given up on), false if stopped. */
    private boolean run(LocalFunction function, String eventJson) {
        try {
            Object event = LambdaJson.fromJson(eventJson, function.eventType());
            for (int attempt = 0; ; attempt++) {
                try {
                    function.invoke(event);
                    return true;
                } catch (RuntimeException failure) {
                    if (Thread.currentThread().isInterrupted()) {
                        // the stack is stopping: the event stays in the journal for the next start
                        return false;
                    }
                    if (attempt >= retryDelays.size()) {
                        log.accept(function.definition().logicalId() + " failed " + (attempt + 1)
                                + " times; the event is dropped: " + failure.getMessage());
                        return true;
                    }
                    Thread.sleep(retryDelays.get(attempt).toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException unreadable) {
            log.accept(function.definition().logicalId() + " cannot take its event, which is dropped: "
                    + unreadable.getMessage());
            return true;
        }
    }

    private void delete(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            log.accept("cannot remove " + entry + " (the invocation may run again at the next start): " + e);
        }
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
