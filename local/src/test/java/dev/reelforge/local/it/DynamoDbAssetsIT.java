package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetKey;
import dev.reelforge.core.asset.AssetStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assets table as the piece that creates assets will use it, on DynamoDB Local: creating is idempotent
 * and every change is conditional and forward-only, whatever order or how often events arrive.
 */
class DynamoDbAssetsIT {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant T2 = T0.plusSeconds(2);

    private static DynamoDbAssets assets;

    @BeforeAll
    static void connect() {
        var stack = SharedStack.get();
        assets = new DynamoDbAssets(stack.services().dynamoDb(), stack.tableName("AssetsTable"));
    }

    private static Asset importing(String owner, UUID renderId, String suffix) {
        return Asset.importing(owner, Environment.STAGE, "us-east-1", renderId, renderId + suffix, T0);
    }

    @Test
    void beginningTheSameAssetAgainChangesNothing() {
        Asset asset = importing("assetsit1", UUID.randomUUID(), ".mp4");

        assertThat(assets.begin(asset)).isTrue();
        assertThat(assets.markReady(asset.owner(), asset.id(), "https://cdn.reelforge.test/a.mp4", T1)).isTrue();
        Asset ready = assets.find(asset.owner(), asset.id()).orElseThrow();
        Asset redelivered = new Asset(asset.id(), asset.owner(), Environment.V1, "eu-west-1", asset.renderId(),
                asset.filename(), Optional.empty(), AssetStatus.IMPORTING, T2, T2, Optional.empty());

        assertThat(assets.begin(redelivered)).isFalse();
        assertThat(assets.find(asset.owner(), asset.id())).contains(ready);
        assertThat(ready.status()).isEqualTo(AssetStatus.READY);
        assertThat(ready.url()).contains("https://cdn.reelforge.test/a.mp4");
        assertThat(ready.created()).isEqualTo(T0);
        assertThat(ready.updated()).isEqualTo(T1);
    }

    @Test
    void onlyAnImportingAssetBecomesReadyOrFailed() {
        Asset failed = importing("assetsit2", UUID.randomUUID(), ".mp4");
        assets.begin(failed);

        assertThat(assets.markFailed(failed.owner(), failed.id(), "copy failed: access denied", T1)).isTrue();
        assertThat(assets.markReady(failed.owner(), failed.id(), "https://cdn.reelforge.test/late.mp4", T2)).isFalse();
        assertThat(assets.markFailed(failed.owner(), failed.id(), "again", T2)).isFalse();
        Asset stored = assets.find(failed.owner(), failed.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(stored.error()).contains("copy failed: access denied");
        assertThat(stored.url()).isEmpty();
        assertThat(stored.updated()).isEqualTo(T1);
    }

    @Test
    void nothingFollowsDeletedAndAMissingAssetIsNeverCreatedByAChange() {
        Asset asset = importing("assetsit3", UUID.randomUUID(), ".mp4");
        assets.begin(asset);

        assertThat(assets.markDeleted(asset.owner(), asset.id(), T1)).isTrue();
        assertThat(assets.markDeleted(asset.owner(), asset.id(), T2)).isFalse();
        assertThat(assets.markReady(asset.owner(), asset.id(), "https://cdn.reelforge.test/late.mp4", T2)).isFalse();
        assertThat(assets.find(asset.owner(), asset.id()).orElseThrow())
                .returns(AssetStatus.DELETED, Asset::status).returns(T1, Asset::updated);

        UUID missing = UUID.randomUUID();
        assertThat(assets.markReady(asset.owner(), missing, "https://cdn.reelforge.test/x.mp4", T1)).isFalse();
        assertThat(assets.markDeleted(asset.owner(), missing, T1)).isFalse();
        assertThat(assets.find(asset.owner(), missing)).isEmpty();
    }

    @Test
    void onlyAssetsStillImportingAreFoundAsStuckOnceTheyStandStillLongEnough() {
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z").plusMillis(new Random().nextInt(86_400_000));
        UUID renderId = UUID.randomUUID();
        Asset stuck = Asset.importing("assetsit7", Environment.STAGE, "us-east-1", renderId, renderId + ".mp4", longAgo);
        Asset finished = Asset.importing("assetsit7", Environment.STAGE, "us-east-1", renderId, renderId + "-thumb.jpg",
                longAgo);
        assets.begin(stuck);
        assets.begin(finished);
        assets.markReady("assetsit7", finished.id(), "https://cdn.reelforge.test/t.jpg", longAgo);

        assertThat(assets.importingSince(longAgo.plusMillis(1), 100))
                .containsExactly(new AssetKey("assetsit7", stuck.id()));
        assertThat(assets.importingSince(longAgo, 100)).as("not older than the cutoff").isEmpty();
    }

    @Test
    void aRendersAssetsAreFoundWithinTheirOwnersPartitionOnly() {
        UUID renderId = UUID.randomUUID();
        Asset video = importing("assetsit4", renderId, ".mp4");
        Asset poster = importing("assetsit4", renderId, "-poster.jpg");
        Asset sameRenderIdOtherOwner = importing("assetsit5", renderId, ".mp4");
        Asset otherRender = importing("assetsit4", UUID.randomUUID(), ".mp4");
        for (Asset asset : new Asset[] {video, poster, sameRenderIdOtherOwner, otherRender}) {
            assets.begin(asset);
        }

        assertThat(assets.findForRender("assetsit4", renderId)).containsExactly(poster, video);
        assertThat(assets.findForRender("assetsit5", renderId)).containsExactly(sameRenderIdOtherOwner);
        assertThat(assets.findForRender("assetsit4", UUID.randomUUID())).isEmpty();
        assertThat(assets.find("assetsit5", video.id())).as("the same id in another partition").contains(sameRenderIdOtherOwner);
        assertThat(assets.find("assetsit6", video.id())).isEmpty();
    }
}
