package dev.reelforge.core.asset;

import static dev.reelforge.core.asset.AssetFixture.NOW;
import static dev.reelforge.core.asset.AssetFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No asset stays importing forever, and no deleted asset's file stays hosted for long. */
class SweepStuckAssetsTest {

    private final AssetFixture fixture = new AssetFixture();
    private final InMemoryAssets assets = fixture.assets;
    private final SweepStuckAssets sweeper = new SweepStuckAssets(assets, fixture.hostedFiles,
            fixture.downloads, fixture.listings, fixture.clock);

    private Asset importingSince(Duration ago) {
        UUID render = UUID.randomUUID();
        Asset asset = Asset.importing(OWNER, Environment.STAGE, "us-east-1", render, render + ".mp4", NOW.minus(ago));
        assets.begin(asset);
        return asset;
    }

    private Asset deletedAgo(Duration ago) {
        Asset asset = fixture.asset(OWNER, Environment.STAGE, UUID.randomUUID(), ".mp4");
        new DeleteAsset(assets, Clock.fixed(NOW.minus(ago), ZoneOffset.UTC))
                .delete(new DeleteAssetCommand(OWNER, Environment.STAGE, asset.id()));
        return asset;
    }

    @Test
    void failsAssetsImportingLongerThanThePatienceAndRemovesTheirPartialCopies() {
        Asset stuck = importingSince(Duration.ofMinutes(61));
        Asset recent = importingSince(Duration.ofMinutes(59));
        Asset ready = fixture.asset(OWNER, Environment.STAGE, UUID.randomUUID(), ".mp4");

        SweepStuckAssetsResult result = sweeper.sweep(new SweepStuckAssetsCommand(Duration.ofHours(1)));

        assertThat(result.failed()).containsExactly(new AssetKey(OWNER, stuck.id()));
        Asset failed = assets.find(OWNER, stuck.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(failed.error()).contains("hosting did not finish: the copy made no progress for 1 hour, so it was stopped");
        assertThat(failed.updated()).isEqualTo(NOW);
        assertThat(fixture.hostedFiles.deleted).containsExactly(OWNER + "/" + stuck.filename());
        assertThat(assets.find(OWNER, recent.id()).orElseThrow().status()).isEqualTo(AssetStatus.IMPORTING);
        assertThat(assets.find(OWNER, ready.id())).contains(ready);
        assertThat(sweeper.sweep(new SweepStuckAssetsCommand(Duration.ofHours(1))).failed()).as("again").isEmpty();
    }

    @Test
    void removesTheFilesOfAssetsDeletedLongAgoWhoseRemovalWasLost() {
        Asset overdue = deletedAgo(SweepStuckAssets.REMOVAL_PATIENCE.plusSeconds(1));
        Asset recent = deletedAgo(Duration.ofSeconds(5));

        SweepStuckAssetsResult result = sweeper.sweep(new SweepStuckAssetsCommand(Duration.ofHours(1)));

        assertThat(result.removed()).containsExactly(new AssetKey(OWNER, overdue.id()));
        assertThat(fixture.hostedFiles.deleted).containsExactly(OWNER + "/" + overdue.filename());
        assertThat(fixture.downloads.removed).containsExactly(overdue.id());
        assertThat(fixture.listings.unlisted).containsExactly(overdue.id());
        assertThat(assets.removalDue(OWNER, overdue.id())).isFalse();
        assertThat(assets.removalDue(OWNER, recent.id())).as("the stream's to do, not yet the sweeper's").isTrue();
        assertThat(sweeper.sweep(new SweepStuckAssetsCommand(Duration.ofHours(1))).removed()).as("again").isEmpty();
    }
}
