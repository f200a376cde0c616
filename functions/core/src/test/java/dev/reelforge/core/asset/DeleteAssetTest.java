package dev.reelforge.core.asset;

import static dev.reelforge.core.asset.AssetFixture.CREATED;
import static dev.reelforge.core.asset.AssetFixture.NOW;
import static dev.reelforge.core.asset.AssetFixture.OTHER_OWNER;
import static dev.reelforge.core.asset.AssetFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deleting one asset: the file goes, the record stays, a repeat changes nothing. */
class DeleteAssetTest {

    private final AssetFixture fixture = new AssetFixture();
    private final InMemoryAssets assets = fixture.assets;
    private final Clock clock = fixture.clock;

    private final DeleteAsset deleteAsset = new DeleteAsset(assets, clock);

    private UUID render(String owner, Environment environment) {
        return fixture.render(owner, environment);
    }

    private Asset asset(String owner, Environment environment, UUID renderId, String suffix) {
        return fixture.asset(owner, environment, renderId, suffix);
    }

    @Test
    void keepsTheRecordAsDeletedWithItsHostedFileDueForRemoval() {
        Asset asset = asset(OWNER, Environment.STAGE, render(OWNER, Environment.STAGE), ".mp4");

        DeleteAssetResult result = deleteAsset.delete(new DeleteAssetCommand(OWNER, Environment.STAGE, asset.id()));

        assertThat(result).isEqualTo(new DeleteAssetResult.Deleted(asset.id()));
        assertThat(assets.removalDue(OWNER, asset.id())).isTrue();
        Asset after = assets.find(OWNER, asset.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(AssetStatus.DELETED);
        assertThat(after.updated()).isEqualTo(NOW);
        assertThat(after.url()).isEqualTo(asset.url());
    }

    @Test
    void deletingAgainChangesNothing() {
        Asset asset = asset(OWNER, Environment.STAGE, render(OWNER, Environment.STAGE), ".mp4");
        deleteAsset.delete(new DeleteAssetCommand(OWNER, Environment.STAGE, asset.id()));
        Asset deleted = assets.find(OWNER, asset.id()).orElseThrow();

        DeleteAssetResult again = new DeleteAsset(assets, Clock.offset(clock, Duration.ofHours(1)))
                .delete(new DeleteAssetCommand(OWNER, Environment.STAGE, asset.id()));

        assertThat(again).isEqualTo(new DeleteAssetResult.AlreadyDeleted(asset.id()));
        assertThat(assets.find(OWNER, asset.id())).contains(deleted);
    }

    @Test
    void anAssetStillImportingOrFailedCanBeDeleted() {
        UUID renderId = render(OWNER, Environment.V1);
        Asset importing = Asset.importing(OWNER, Environment.V1, "us-east-1", renderId, renderId + ".mp4", CREATED);
        Asset failed = Asset.importing(OWNER, Environment.V1, "us-east-1", renderId, renderId + "-thumb.jpg", CREATED);
        assets.begin(importing);
        assets.begin(failed);
        assets.markFailed(OWNER, failed.id(), "copy failed", CREATED);

        assertThat(deleteAsset.delete(new DeleteAssetCommand(OWNER, Environment.V1, importing.id())))
                .isInstanceOf(DeleteAssetResult.Deleted.class);
        assertThat(deleteAsset.delete(new DeleteAssetCommand(OWNER, Environment.V1, failed.id())))
                .isInstanceOf(DeleteAssetResult.Deleted.class);
        assertThat(assets.markReady(OWNER, importing.id(), "https://cdn.example/late", NOW))
                .as("a copy finishing after the delete does not bring the asset back").isFalse();
    }

    @Test
    void anotherOwnersOrEnvironmentsAssetIsNotFoundAndUntouched() {
        Asset asset = asset(OWNER, Environment.STAGE, render(OWNER, Environment.STAGE), ".mp4");

        assertThat(deleteAsset.delete(new DeleteAssetCommand(OTHER_OWNER, Environment.STAGE, asset.id())))
                .isEqualTo(new DeleteAssetResult.NotFound(asset.id()));
        assertThat(deleteAsset.delete(new DeleteAssetCommand(OWNER, Environment.V1, asset.id())))
                .isEqualTo(new DeleteAssetResult.NotFound(asset.id()));
        assertThat(assets.removalDue(OWNER, asset.id())).isFalse();
        assertThat(assets.find(OWNER, asset.id())).contains(asset);
    }
}
