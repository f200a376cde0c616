package dev.reelforge.core.asset;

import static dev.reelforge.core.asset.AssetFixture.OTHER_OWNER;
import static dev.reelforge.core.asset.AssetFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deleting every asset of a render (the extension route). */
class DeleteRenderAssetsTest {

    private final AssetFixture fixture = new AssetFixture();
    private final InMemoryAssets assets = fixture.assets;
    private final InMemoryRenders renders = fixture.renders;
    private final Clock clock = fixture.clock;

    private final DeleteRenderAssets deleteRenderAssets = new DeleteRenderAssets(renders, assets, clock);

    private UUID render(String owner, Environment environment) {
        return fixture.render(owner, environment);
    }

    private Asset asset(String owner, Environment environment, UUID renderId, String suffix) {
        return fixture.asset(owner, environment, renderId, suffix);
    }

    @Test
    void deletesEachAssetNotYetDeletedAndCountsThem() {
        UUID renderId = render(OWNER, Environment.STAGE);
        Asset video = asset(OWNER, Environment.STAGE, renderId, ".mp4");
        Asset poster = asset(OWNER, Environment.STAGE, renderId, "-poster.jpg");
        Asset thumb = asset(OWNER, Environment.STAGE, renderId, "-thumb.jpg");
        new DeleteAsset(assets, clock).delete(new DeleteAssetCommand(OWNER, Environment.STAGE, poster.id()));

        DeleteRenderAssetsResult result =
                deleteRenderAssets.delete(new DeleteRenderAssetsCommand(OWNER, Environment.STAGE, renderId));

        assertThat(result).isEqualTo(new DeleteRenderAssetsResult.Deleted(renderId, 2));
        assertThat(List.of(thumb, video)).allMatch(asset -> assets.removalDue(OWNER, asset.id()));
        assertThat(assets.findForRender(OWNER, renderId)).extracting(Asset::status).containsOnly(AssetStatus.DELETED);
        assertThat(deleteRenderAssets.delete(new DeleteRenderAssetsCommand(OWNER, Environment.STAGE, renderId)))
                .isEqualTo(new DeleteRenderAssetsResult.Deleted(renderId, 0));
    }

    @Test
    void aRenderWithoutAssetsHasNothingToDelete() {
        UUID renderId = render(OWNER, Environment.V1);

        assertThat(deleteRenderAssets.delete(new DeleteRenderAssetsCommand(OWNER, Environment.V1, renderId)))
                .isEqualTo(new DeleteRenderAssetsResult.Deleted(renderId, 0));
    }

    @Test
    void aRenderTheCallerDoesNotHaveInThisEnvironmentIsNotFoundAndUntouched() {
        UUID renderId = render(OWNER, Environment.STAGE);
        Asset video = asset(OWNER, Environment.STAGE, renderId, ".mp4");

        assertThat(deleteRenderAssets.delete(new DeleteRenderAssetsCommand(OWNER, Environment.V1, renderId)))
                .isEqualTo(new DeleteRenderAssetsResult.NotFound(renderId));
        assertThat(deleteRenderAssets.delete(new DeleteRenderAssetsCommand(OTHER_OWNER, Environment.STAGE, renderId)))
                .isEqualTo(new DeleteRenderAssetsResult.NotFound(renderId));
        assertThat(assets.find(OWNER, video.id())).contains(video);
    }
}
