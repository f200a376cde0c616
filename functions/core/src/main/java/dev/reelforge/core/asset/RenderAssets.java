package dev.reelforge.core.asset;

import dev.reelforge.core.Environment;
import dev.reelforge.core.render.Renders;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The assets of one of the caller's renders, or nothing when the caller has no such render in the
 * environment. A render whose outputs are not hosted yet has none, which is not the same as a render that
 * does not exist; the render is only looked up to tell the two apart, when it has no assets.
 */
final class RenderAssets {

    private final Renders renders;
    private final Assets assets;

    RenderAssets(Renders renders, Assets assets) {
        this.renders = renders;
        this.assets = assets;
    }

    Optional<List<Asset>> of(String owner, Environment environment, UUID renderId) {
        List<Asset> found = assets.findForRender(owner, renderId).stream()
                .filter(asset -> asset.environment() == environment)
                .toList();
        if (!found.isEmpty()) {
            return Optional.of(found);
        }
        return renders.find(owner, renderId)
                .filter(render -> render.environment() == environment)
                .map(render -> List.of());
    }
}
