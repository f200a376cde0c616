package dev.reelforge.core.asset;

import static dev.reelforge.core.asset.AssetFixture.OTHER_OWNER;
import static dev.reelforge.core.asset.AssetFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading a render's assets: none yet is not the same as no such render. */
class GetRenderAssetsTest {

    private final AssetFixture fixture = new AssetFixture();
    private final InMemoryAssets assets = fixture.assets;
    private final InMemoryRenders renders = fixture.renders;

    private final GetRenderAssets getRenderAssets = new GetRenderAssets(renders, assets);

    private UUID render(String owner, Environment environment) {
        return fixture.render(owner, environment);
    }

    private Asset asset(String owner, Environment environment, UUID renderId, String suffix) {
        return fixture.asset(owner, environment, renderId, suffix);
    }

    @Test
    void findsEveryAssetOfTheRenderByFilenameWithoutLookingUpTheRender() {
        UUID renderId = render(OWNER, Environment.STAGE);
        Asset video = asset(OWNER, Environment.STAGE, renderId, ".mp4");
        Asset poster = asset(OWNER, Environment.STAGE, renderId, "-poster.jpg");
        asset(OWNER, Environment.STAGE, render(OWNER, Environment.STAGE), ".mp4");

        GetRenderAssetsResult result = getRenderAssets.get(new GetRenderAssetsCommand(OWNER, Environment.STAGE, renderId));

        assertThat(result).isEqualTo(new GetRenderAssetsResult.Found(List.of(poster, video)));
        assertThat(renders.lookups).isZero();
    }

    @Test
    void aRenderWithoutAssetsYetHasNone() {
        UUID renderId = render(OWNER, Environment.V1);

        assertThat(getRenderAssets.get(new GetRenderAssetsCommand(OWNER, Environment.V1, renderId)))
                .isEqualTo(new GetRenderAssetsResult.Found(List.of()));
    }

    @Test
    void aRenderTheCallerDoesNotHaveInThisEnvironmentIsNotFound() {
        UUID stageRender = render(OWNER, Environment.STAGE);
        asset(OWNER, Environment.STAGE, stageRender, ".mp4");
        UUID othersRender = render(OTHER_OWNER, Environment.STAGE);
        UUID nobodys = UUID.randomUUID();

        assertThat(getRenderAssets.get(new GetRenderAssetsCommand(OWNER, Environment.V1, stageRender)))
                .isEqualTo(new GetRenderAssetsResult.NotFound(stageRender));
        assertThat(getRenderAssets.get(new GetRenderAssetsCommand(OWNER, Environment.STAGE, othersRender)))
                .isEqualTo(new GetRenderAssetsResult.NotFound(othersRender));
        assertThat(getRenderAssets.get(new GetRenderAssetsCommand(OWNER, Environment.STAGE, nobodys)))
                .isEqualTo(new GetRenderAssetsResult.NotFound(nobodys));
    }
}
