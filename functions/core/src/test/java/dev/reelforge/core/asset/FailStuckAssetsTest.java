package dev.reelforge.core.asset;

import static dev.reelforge.core.asset.AssetFixture.NOW;
import static dev.reelforge.core.asset.AssetFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No asset stays importing forever. */
class FailStuckAssetsTest {

    private final AssetFixture fixture = new AssetFixture();
    private final InMemoryAssets assets = fixture.assets;
    private final FailStuckAssets sweeper = new FailStuckAssets(assets, fixture.hostedFiles, fixture.clock);

    private Asset importingSince(Duration ago) {
        UUID render = UUID.randomUUID();
        Asset asset = Asset.importing(OWNER, Environment.STAGE, "us-east-1", render, render + ".mp4", NOW.minus(ago));
        assets.begin(asset);
        return asset;
    }

    @Test
    void failsAssetsImportingLongerThanThePatienceAndRemovesTheirPartialCopies() {
        Asset stuck = importingSince(Duration.ofMinutes(61));
        Asset recent = importingSince(Duration.ofMinutes(59));
        Asset ready = fixture.asset(OWNER, Environment.STAGE, UUID.randomUUID(), ".mp4");

        FailStuckAssetsResult result = sweeper.sweep(new FailStuckAssetsCommand(Duration.ofHours(1)));

        assertThat(result.failed()).containsExactly(new AssetKey(OWNER, stuck.id()));
        Asset failed = assets.find(OWNER, stuck.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(failed.error()).contains("hosting did not finish: the copy made no progress for 1 hour, so it was stopped");
        assertThat(failed.updated()).isEqualTo(NOW);
        assertThat(fixture.hostedFiles.deleted).containsExactly(OWNER + "/" + stuck.filename());
        assertThat(assets.find(OWNER, recent.id()).orElseThrow().status()).isEqualTo(AssetStatus.IMPORTING);
        assertThat(assets.find(OWNER, ready.id())).contains(ready);
        assertThat(sweeper.sweep(new FailStuckAssetsCommand(Duration.ofHours(1))).failed()).as("again").isEmpty();
    }
}
