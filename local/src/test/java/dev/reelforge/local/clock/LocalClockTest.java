package dev.reelforge.local.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's clock: real time plus an offset that only grows and stays with the data directory. */
class LocalClockTest {

    private static final Instant REAL_NOW = Instant.parse("2026-01-15T10:30:00Z");
    private static final Clock REAL = Clock.fixed(REAL_NOW, ZoneOffset.UTC);

    @TempDir
    Path dataDirectory;

    @Test
    void aNewDataDirectorysClockReadsRealTime() {
        LocalClock clock = LocalClock.open(dataDirectory, REAL);

        assertThat(clock.instant()).isEqualTo(REAL_NOW);
        assertThat(clock.offset()).isZero();
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void anAdvanceMovesTheClockAndTheNextClockOnTheSameDataDirectoryStartsThere() {
        LocalClock.Advance advance = LocalClock.open(dataDirectory, REAL).advance(Duration.ofHours(25));

        assertThat(advance.now()).isEqualTo(Instant.parse("2026-01-16T11:30:00Z"));
        assertThat(advance.offset()).isEqualTo(Duration.ofHours(25));
        LocalClock reopened = LocalClock.open(dataDirectory, REAL);
        assertThat(reopened.offset()).isEqualTo(Duration.ofHours(25));
        assertThat(reopened.advance(Duration.ofMinutes(30)).now()).isEqualTo(Instant.parse("2026-01-16T12:00:00Z"));
        assertThat(LocalClock.open(dataDirectory, REAL).instant()).isEqualTo(Instant.parse("2026-01-16T12:00:00Z"));
    }

    @Test
    void theClockNeverGoesBack() {
        LocalClock clock = LocalClock.open(dataDirectory, REAL);
        clock.advance(Duration.ofHours(2));

        assertThatThrownBy(() -> clock.advance(Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only moves forward");
        assertThat(clock.offset()).isEqualTo(Duration.ofHours(2));
        assertThat(LocalClock.open(dataDirectory, REAL).offset()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void listenersRunOnEachAdvanceWithTheNewTimeAndTellWhatTheyDid() {
        LocalClock clock = LocalClock.open(dataDirectory, REAL);
        List<Instant> seen = new ArrayList<>();
        clock.onAdvance(now -> {
            seen.add(now);
            return List.of("expired something at " + now);
        });

        LocalClock.Advance advance = clock.advance(Duration.ofDays(2));

        assertThat(seen).containsExactly(Instant.parse("2026-01-17T10:30:00Z"));
        assertThat(advance.effects()).containsExactly("expired something at 2026-01-17T10:30:00Z");
    }

    @Test
    void advancesFromManyThreadsAllCount() throws Exception {
        LocalClock clock = LocalClock.open(dataDirectory, REAL);
        List<Future<?>> advances = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                advances.add(threads.submit(() -> clock.advance(Duration.ofSeconds(1))));
            }
            for (Future<?> advance : advances) {
                advance.get();
            }
        }

        assertThat(clock.offset()).isEqualTo(Duration.ofSeconds(200));
        assertThat(LocalClock.open(dataDirectory, REAL).offset()).isEqualTo(Duration.ofSeconds(200));
    }

    @Test
    void anUnreadableOffsetIsRefusedRatherThanTakenAsNone() throws Exception {
        Files.writeString(dataDirectory.resolve(LocalClock.FILE_NAME), "{\"offset\": \"a day\"}");

        assertThatThrownBy(() -> LocalClock.open(dataDirectory, REAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(LocalClock.FILE_NAME);
    }

    @Test
    void inAnotherZoneItTellsTheSameTime() {
        LocalClock clock = LocalClock.open(dataDirectory, REAL);
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofHours(1));

        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }
}
