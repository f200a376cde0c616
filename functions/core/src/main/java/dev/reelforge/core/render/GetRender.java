package dev.reelforge.core.render;

/**
 * Reads one of the caller's renders. Renders are kept apart by owner and by environment: a stage render
 * is not found through v1, exactly like a render that does not exist.
 */
public final class GetRender {

    private final Renders renders;

    public GetRender(Renders renders) {
        this.renders = renders;
    }

    public GetRenderResult get(GetRenderCommand command) {
        return renders.find(command.owner(), command.id())
                .filter(render -> render.environment() == command.environment())
                .<GetRenderResult>map(GetRenderResult.Found::new)
                .orElseGet(() -> new GetRenderResult.NotFound(command.id()));
    }
}
