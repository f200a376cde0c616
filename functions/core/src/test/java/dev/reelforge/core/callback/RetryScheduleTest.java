package dev.reelforge.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    @Test
    void elevenAttemptsSpreadOverAboutFiftySevenAndAHalfHours() {
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; RetrySchedule.delayAfter(attempt, Optional.empty(), NOW).isPresent(); attempt++) {
            delays.add(RetrySchedule.delayAfter(attempt, Optional.empty(), NOW).orElseThrow());
        }

        assertThat(delays).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10),
                Duration.ofHours(10), Duration.ofHours(10), Duration.ofHours(10));
        assertThat(delays.size() + 1).isEqualTo(RetrySchedule.MAX_ATTEMPTS).isEqualTo(11);
        assertThat(delays.stream().reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofHours(57).plusMinutes(35).plusSeconds(5));
    }

    @Test
    void aLongerRetryAfterInSecondsIsHonoured() {
        assertThat(RetrySchedule.delayAfter(1, RetryAfter.parse("120"), NOW)).contains(Duration.ofSeconds(120));
    }

    @Test
    void aLongerRetryAfterAsAnHttpDateIsHonoured() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(3600),
                ZoneOffset.UTC));

        assertThat(RetrySchedule.delayAfter(2, RetryAfter.parse(date), NOW)).contains(Duration.ofHours(1));
    }

    @Test
    void aShorterRetryAfterDoesNotHurryTheSchedule() {
        assertThat(RetrySchedule.delayAfter(3, RetryAfter.parse("1"), NOW)).contains(Duration.ofMinutes(30));
        assertThat(RetrySchedule.delayAfter(3, RetryAfter.parse("Tue, 03 Mar 2026 00:00:00 GMT"), NOW))
                .contains(Duration.ofMinutes(30));
    }

    @Test
    void retryAfterIsCappedAtTenHours() {
        assertThat(RetrySchedule.delayAfter(1, RetryAfter.parse("999999"), NOW)).contains(Duration.ofHours(10));
    }

    @Test
    void afterTheEleventhAttemptThereIsNoOtherEvenWhenTheReceiverAsks() {
        assertThat(RetrySchedule.delayAfter(11, RetryAfter.parse("60"), NOW)).isEmpty();
    }

    @Test
    void aRetryAfterThatIsNeitherSecondsNorADateIsIgnored() {
        assertThat(RetryAfter.parse("soon")).isEmpty();
        assertThat(RetryAfter.parse("-5")).isEmpty();
        assertThat(RetryAfter.parse(" 30 ")).contains(new RetryAfter.Seconds(30));
    }
}
