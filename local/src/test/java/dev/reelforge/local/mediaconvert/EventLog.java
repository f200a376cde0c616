package dev.reelforge.local.mediaconvert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The event sink of the tests: keeps every event, and waits for the one a test expects. */
final class EventLog implements Consumer<String> {

    private final List<JsonNode> events = new ArrayList<>();

    @Override
    public synchronized void accept(String json) {
        try {
            events.add(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator sent an event that is not JSON: " + json, e);
        }
        notifyAll();
    }

    /** The events of a job, in the order they came. */
    synchronized List<JsonNode> of(String jobId) {
        return events.stream().filter(event -> event.path("detail").path("jobId").asText().equals(jobId)).toList();
    }

    synchronized List<String> statusesOf(String jobId) {
        return of(jobId).stream().map(event -> event.path("detail").path("status").asText()).toList();
    }

    /** Waits for the job's event of {@code status}; fails on timeout, or on another final status. */
    synchronized JsonNode await(String jobId, String status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JsonNode> jobEvents = new ArrayList<>(of(jobId));
            for (JsonNode event : jobEvents) {
                String seen = event.path("detail").path("status").asText();
                if (seen.equals(status)) {
                    return event;
                }
                if (List.of("COMPLETE", "ERROR", "CANCELED").contains(seen)) {
                    throw new AssertionError("job " + jobId + " ended " + seen + " while waiting for " + status
                            + ": " + event);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + status + " event for job " + jobId + " within " + timeout
                        + "; events: " + statusesOf(jobId));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
