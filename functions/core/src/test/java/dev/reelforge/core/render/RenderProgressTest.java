package dev.reelforge.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderProgressTest {

    @Test
    void aQueuedRenderIsAtZeroAndAFinishedOneAtAHundred() {
        assertThat(RenderProgress.percent(RenderStatus.QUEUED, 0)).isZero();
        assertThat(RenderProgress.percent(RenderStatus.DONE, 100)).isEqualTo(100);
        assertThat(RenderProgress.percent(RenderStatus.DONE, 0)).as("an image: no encoding job").isEqualTo(100);
        assertThat(RenderProgress.percent(RenderStatus.FAILED, 37)).isEqualTo(100);
    }

    @Test
    void theEncodingJobsPercentageMovesTheRenderThroughItsStatusBand() {
        assertThat(RenderProgress.percent(RenderStatus.RENDERING, 0)).isEqualTo(10);
        assertThat(RenderProgress.percent(RenderStatus.RENDERING, 50)).isEqualTo(50);
        assertThat(RenderProgress.percent(RenderStatus.RENDERING, 100)).isEqualTo(90);
        assertThat(RenderProgress.percent(RenderStatus.SAVING, 100)).isEqualTo(99);
    }

    @Test
    void progressNeverGoesDownAsTheStatusMovesForwardAndTheJobsPercentageRises() {
        List<Integer> seen = new ArrayList<>();
        for (RenderStatus status : List.of(RenderStatus.QUEUED, RenderStatus.FETCHING, RenderStatus.RENDERING,
                RenderStatus.SAVING, RenderStatus.DONE)) {
            for (int job = 0; job <= 100; job++) {
                int percent = RenderProgress.percent(status, job);
                assertThat(percent).isBetween(0, 100);
                seen.add(percent);
            }
        }
        assertThat(seen).isSorted();
        for (RenderStatus unfinished : List.of(RenderStatus.QUEUED, RenderStatus.FETCHING, RenderStatus.RENDERING,
                RenderStatus.SAVING)) {
            for (int job = 0; job <= 100; job++) {
                assertThat(RenderProgress.percent(RenderStatus.FAILED, 0))
                        .isGreaterThanOrEqualTo(RenderProgress.percent(unfinished, job));
            }
            assertThat(RenderProgress.percent(unfinished, 100)).as("only a finished render is at 100").isLessThan(100);
        }
    }

    @Test
    void aPercentageOutOfRangeIsHeldToIt() {
        assertThat(RenderProgress.percent(RenderStatus.RENDERING, 250)).isEqualTo(90);
        assertThat(RenderProgress.percent(RenderStatus.RENDERING, -4)).isEqualTo(10);
    }
}
