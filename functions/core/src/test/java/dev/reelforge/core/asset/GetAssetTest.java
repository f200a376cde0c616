package dev.reelforge.core.asset;

import static dev.reelforge.core.asset.AssetFixture.OTHER_OWNER;
import static dev.reelforge.core.asset.AssetFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading one asset: scoped by owner and environment. */
class GetAssetTest {

    private final AssetFixture fixture = new AssetFixture();
    private final InMemoryAssets assets = fixture.assets;

    private final GetAsset getAsset = new GetAsset(assets);

    private UUID render(String owner, Environment environment) {
        return fixture.render(owner, environment);
    }

    private Asset asset(String owner, Environment environment, UUID renderId, String suffix) {
        return fixture.asset(owner, environment, renderId, suffix);
    }

    @Test
    void findsTheCallersAssetInItsEnvironment() {
        Asset asset = asset(OWNER, Environment.V1, render(OWNER, Environment.V1), ".mp4");

        assertThat(getAsset.get(new GetAssetCommand(OWNER, Environment.V1, asset.id())))
                .isEqualTo(new GetAssetResult.Found(asset));
    }

    @Test
    void anotherOwnersAssetOrAnotherEnvironmentsIsNotFound() {
        Asset stage = asset(OWNER, Environment.STAGE, render(OWNER, Environment.STAGE), ".mp4");

        assertThat(getAsset.get(new GetAssetCommand(OWNER, Environment.V1, stage.id())))
                .isEqualTo(new GetAssetResult.NotFound(stage.id()));
        assertThat(getAsset.get(new GetAssetCommand(OTHER_OWNER, Environment.STAGE, stage.id())))
                .isEqualTo(new GetAssetResult.NotFound(stage.id()));
    }
}
