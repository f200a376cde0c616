package dev.reelforge.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RenderStatusTest {

    @Test
    void movesOnlyForwardThroughTheContractsStatuses() {
        assertThat(RenderStatus.QUEUED.canMoveTo(RenderStatus.FETCHING)).isTrue();
        assertThat(RenderStatus.FETCHING.canMoveTo(RenderStatus.SAVING)).isTrue();
        assertThat(RenderStatus.RENDERING.canMoveTo(RenderStatus.FETCHING)).isFalse();
        assertThat(RenderStatus.SAVING.canMoveTo(RenderStatus.SAVING)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"QUEUED", "FETCHING", "RENDERING", "SAVING"})
    void anyUnfinishedRenderMayFail(RenderStatus status) {
        assertThat(status.canMoveTo(RenderStatus.FAILED)).isTrue();
        assertThat(status.isTerminal()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"QUEUED", "FETCHING", "RENDERING", "SAVING"})
    void anyUnfinishedRenderMayBeCancelled(RenderStatus status) {
        assertThat(status.isCancellable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = {"DONE", "FAILED"})
    void aFinishedRenderCannotBeCancelled(RenderStatus finished) {
        assertThat(finished.isCancellable()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"DONE", "FAILED"})
    void nothingFollowsAFinishedRender(RenderStatus finished) {
        assertThat(finished.isTerminal()).isTrue();
        for (RenderStatus next : RenderStatus.values()) {
            assertThat(finished.canMoveTo(next)).as("%s -> %s", finished, next).isFalse();
        }
    }

    @Test
    void wireNamesAreTheContractsLowerCaseNames() {
        assertThat(RenderStatus.values()).extracting(RenderStatus::wireName)
                .containsExactly("queued", "fetching", "rendering", "saving", "done", "failed");
        assertThat(RenderStatus.fromWireName("rendering")).contains(RenderStatus.RENDERING);
        assertThat(RenderStatus.fromWireName("RENDERING")).isEmpty();
    }
}
