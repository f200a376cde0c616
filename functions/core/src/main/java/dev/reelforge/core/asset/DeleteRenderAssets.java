package dev.reelforge.core.asset;

import dev.reelforge.core.render.Renders;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Deletes every asset of one of the caller's renders (a Reelforge extension of the Serve API, which
 * otherwise deletes asset by asset): each hosted file goes, each record stays with status
 * {@code deleted}. Repeating it changes nothing; a render without assets has nothing to delete.
 */
public final class DeleteRenderAssets {

    private final RenderAssets renderAssets;
    private final AssetRemoval removal;

    public DeleteRenderAssets(Renders renders, Assets assets, Clock clock) {
        this.renderAssets = new RenderAssets(renders, assets);
        this.removal = new AssetRemoval(assets, clock);
    }

    public DeleteRenderAssetsResult delete(DeleteRenderAssetsCommand command) {
        Optional<List<Asset>> assets = renderAssets.of(command.owner(), command.environment(), command.renderId());
        if (assets.isEmpty()) {
            return new DeleteRenderAssetsResult.NotFound(command.renderId());
        }
        int deleted = 0;
        for (Asset asset : assets.get()) {
            if (removal.remove(asset)) {
                deleted++;
            }
        }
        return new DeleteRenderAssetsResult.Deleted(command.renderId(), deleted);
    }
}
