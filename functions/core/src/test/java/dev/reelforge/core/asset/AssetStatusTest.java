package dev.reelforge.core.asset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AssetStatusTest {

    @Test
    void anImportingAssetBecomesReadyFailedOrDeleted() {
        assertThat(AssetStatus.IMPORTING.canMoveTo(AssetStatus.READY)).isTrue();
        assertThat(AssetStatus.IMPORTING.canMoveTo(AssetStatus.FAILED)).isTrue();
        assertThat(AssetStatus.IMPORTING.canMoveTo(AssetStatus.DELETED)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = {"READY", "FAILED"})
    void aCopiedOrFailedAssetCanOnlyBeDeleted(AssetStatus status) {
        assertThat(status.canMoveTo(AssetStatus.DELETED)).isTrue();
        assertThat(status.canMoveTo(AssetStatus.IMPORTING)).isFalse();
        assertThat(AssetStatus.READY.canMoveTo(AssetStatus.FAILED)).as("ready never fails afterwards").isFalse();
        assertThat(AssetStatus.FAILED.canMoveTo(AssetStatus.READY)).as("failed is not retried into ready").isFalse();
    }

    @Test
    void nothingFollowsDeleted() {
        for (AssetStatus next : AssetStatus.values()) {
            assertThat(AssetStatus.DELETED.canMoveTo(next)).as("deleted -> %s", next).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource
    void noStatusMovesToItself(AssetStatus status) {
        assertThat(status.canMoveTo(status)).isFalse();
    }

    @Test
    void wireNamesAreTheContractsLowerCaseNames() {
        assertThat(AssetStatus.values()).extracting(AssetStatus::wireName)
                .containsExactly("importing", "ready", "failed", "deleted");
        assertThat(AssetStatus.fromWireName("ready")).contains(AssetStatus.READY);
        assertThat(AssetStatus.fromWireName("READY")).isEmpty();
    }
}
