package dev.reelforge.core.asset;

import dev.reelforge.core.render.Renders;

/**
 * Reads every asset of one of the caller's renders: found (possibly none yet) when the caller has the
 * render in this environment, not found otherwise, exactly as for a render that does not exist.
 */
public final class GetRenderAssets {

    private final RenderAssets renderAssets;

    public GetRenderAssets(Renders renders, Assets assets) {
        this.renderAssets = new RenderAssets(renders, assets);
    }

    public GetRenderAssetsResult get(GetRenderAssetsCommand command) {
        return renderAssets.of(command.owner(), command.environment(), command.renderId())
                .<GetRenderAssetsResult>map(GetRenderAssetsResult.Found::new)
                .orElseGet(() -> new GetRenderAssetsResult.NotFound(command.renderId()));
    }
}
