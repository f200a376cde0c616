package dev.reelforge.local.clock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The embedded stack's time: real time plus an offset that only grows, kept in {@code DATA_DIR/clock.json}
 * so a stack restarted on the same data directory carries on from where it was. Everything of the stack
 * that tells time reads this clock (functions, schedules, the API emulator, S3 object times, lifecycle
 * rules), so a test can move a day forward and see what a day does. Advancing runs the listeners
 * (the lifecycle rules) before it returns.
 */
public final class LocalClock extends Clock {

    public static final String FILE_NAME = "clock.json";

    /** Something that acts when the clock jumps, such as rules that expire objects. */
    @FunctionalInterface
    public interface Listener {

        /** Reacts to the clock now reading {@code now}; returns what it did, one line per action. */
        List<String> clockAdvanced(Instant now);
    }

    /** What an advance did: the time the clock now reads, its offset from real time, what listeners did. */
    public record Advance(Instant now, Duration offset, List<String> effects) {

        public Advance {
            effects = List.copyOf(effects);
        }
    }

    private final Clock real;
    private final Path file;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object advancing = new Object();
    private volatile Duration offset;

    private LocalClock(Clock real, Path file, Duration offset) {
        this.real = real;
        this.file = file;
        this.offset = offset;
    }

    /** The clock of a data directory: real time plus the offset it was left at (none for a new directory). */
    public static LocalClock open(Path dataDirectory) {
        return open(dataDirectory, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, counting from {@code real} instead of the system's time. */
    public static LocalClock open(Path dataDirectory, Clock real) {
        Path file = dataDirectory.resolve(FILE_NAME);
        return new LocalClock(real, file, readOffset(file));
    }

    private static Duration readOffset(Path file) {
        if (!Files.isRegularFile(file)) {
            return Duration.ZERO;
        }
        try {
            JsonNode json = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Duration offset = Duration.parse(json.path("offset").asText());
            if (offset.isNegative()) {
                throw new IllegalStateException(file + " holds a negative offset " + offset);
            }
            return offset;
        } catch (IOException | DateTimeParseException e) {
            // Resetting silently would move the stack's time backwards under its data.
            throw new IllegalStateException(file + " is not readable as {\"offset\": \"<ISO-8601 duration>\"}: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : new Zoned(this, zone);
    }

    /** How far ahead of real time the clock is. */
    public Duration offset() {
        return offset;
    }

    /** Runs {@code listener} on every advance, after the new offset is kept. */
    public void onAdvance(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Moves the clock forward by {@code by} (zero only runs the listeners), keeps the new offset in the data
     * directory, then runs the listeners in this thread.
     *
     * @throws IllegalArgumentException when {@code by} is negative: the clock never goes back
     */
    public Advance advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; " + by + " is negative");
        }
        synchronized (advancing) {
            Duration advanced = offset.plus(by);
            write(advanced);
            offset = advanced;
            Instant now = instant();
            List<String> effects = new ArrayList<>();
            for (Listener listener : listeners) {
                effects.addAll(listener.clockAdvanced(now));
            }
            return new Advance(now, advanced, effects);
        }
    }

    private void write(Duration advanced) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(FILE_NAME + ".partial");
            Files.writeString(partial, Json.write(Json.object().put("offset", advanced.toString())) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the clock's offset in " + file, e);
        }
    }

    @Override
    public String toString() {
        return "LocalClock[offset=" + offset + "]";
    }

    /** The same time seen in another zone, for callers that ask for one. */
    private static final class Zoned extends Clock {

        private final LocalClock clock;
        private final ZoneId zone;

        Zoned(LocalClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }
}
