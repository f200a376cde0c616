package dev.reelforge.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When S3 acts on a rule counted in days: creation time plus the days, rounded up to the next midnight UTC. */
class LifecycleApplierTest {

    @Test
    void s3sOwnExampleIsDueOnTheFourthMidnight() {
        assertThat(LifecycleApplier.dueAt(Instant.parse("2014-01-15T10:30:00Z"), 3))
                .isEqualTo(Instant.parse("2014-01-19T00:00:00Z"));
    }

    @Test
    void anObjectCreatedMidMorningUnderAOneDayRuleGoesAtTheSecondMidnight() {
        assertThat(LifecycleApplier.dueAt(Instant.parse("2026-01-15T10:30:00Z"), 1))
                .isEqualTo(Instant.parse("2026-01-17T00:00:00Z"));
        assertThat(LifecycleApplier.dueAt(Instant.parse("2026-01-15T10:30:00Z"), 2))
                .isEqualTo(Instant.parse("2026-01-18T00:00:00Z"));
    }

    @Test
    void anObjectCreatedExactlyAtMidnightCountsThatWholeDay() {
        assertThat(LifecycleApplier.dueAt(Instant.parse("2026-01-15T00:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-01-17T00:00:00Z"));
        assertThat(LifecycleApplier.dueAt(Instant.parse("2026-01-15T00:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-01-18T00:00:00Z"));
    }

    @Test
    void anObjectCreatedOneMillisecondBeforeMidnightGoesADayEarlierThanOneCreatedAtIt() {
        assertThat(LifecycleApplier.dueAt(Instant.parse("2026-01-14T23:59:59.999Z"), 1))
                .isEqualTo(Instant.parse("2026-01-16T00:00:00Z"));
        assertThat(LifecycleApplier.dueAt(Instant.parse("2026-01-14T23:59:59.999Z"), 2))
                .isEqualTo(Instant.parse("2026-01-17T00:00:00Z"));
    }

    @Test
    void aOneDayRuleNeverTakesAnObjectBeforeADayNorKeepsItPastTwo() {
        for (String created : new String[] {"2026-01-15T00:00:00Z", "2026-01-15T00:00:00.001Z", "2026-01-15T12:00:00Z",
                "2026-01-15T23:59:59.999Z"}) {
            Instant start = Instant.parse(created);
            Instant due = LifecycleApplier.dueAt(start, 1);
            assertThat(due).as(created).isAfter(start.plusSeconds(86_400 - 1)).isBeforeOrEqualTo(start.plusSeconds(2 * 86_400));
        }
    }
}
