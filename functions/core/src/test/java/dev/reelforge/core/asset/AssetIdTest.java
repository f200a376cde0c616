package dev.reelforge.core.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssetIdTest {

    private static final UUID RENDER = UUID.fromString("2abd5c11-0f3d-4c6d-ba20-235fc9b8e8b7");

    @Test
    void theSameOutputOfTheSameRenderAlwaysHasTheSameId() {
        assertThat(AssetId.of(RENDER, RENDER + ".mp4")).isEqualTo(AssetId.of(UUID.fromString(RENDER.toString()), RENDER + ".mp4"));
    }

    @Test
    void everyOutputOfARenderHasItsOwnId() {
        assertThat(AssetId.of(RENDER, RENDER + ".mp4"))
                .isNotEqualTo(AssetId.of(RENDER, RENDER + "-poster.jpg"))
                .isNotEqualTo(AssetId.of(UUID.randomUUID(), RENDER + ".mp4"))
                .isNotEqualTo(RENDER);
    }

    @Test
    void isANameBasedUuidWrittenAsTheContractsUuidFormat() {
        UUID id = AssetId.of(RENDER, RENDER + ".mp4");

        assertThat(id.version()).isEqualTo(3);
        assertThat(id.toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void aNewAssetIsImportingUnderItsDerivedId() {
        Instant now = Instant.parse("2026-01-02T03:04:05.678Z");

        Asset asset = Asset.importing("owner1", Environment.STAGE, "us-east-1", RENDER, RENDER + ".mp4", now);

        assertThat(asset.id()).isEqualTo(AssetId.of(RENDER, RENDER + ".mp4"));
        assertThat(asset.status()).isEqualTo(AssetStatus.IMPORTING);
        assertThat(asset.url()).isEmpty();
        assertThat(asset.created()).isEqualTo(now).isEqualTo(asset.updated());
    }

    @Test
    void aFilenameNamesOneFileWithoutADirectory() {
        assertThatThrownBy(() -> Asset.importing("owner1", Environment.STAGE, "us-east-1", RENDER, "../x.mp4", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Asset.importing("owner1", Environment.STAGE, "us-east-1", RENDER, " ", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
