package dev.reelforge.core.callback;

import dev.reelforge.core.render.Renders;

/**
 * Reads how the callbacks of one of the caller's renders went: each delivery's state, attempts and last answer.
 * A render of another owner or environment is not found, exactly like one that does not exist.
 */
public final class GetRenderCallbacks {

    private final Renders renders;
    private final Deliveries deliveries;

    public GetRenderCallbacks(Renders renders, Deliveries deliveries) {
        this.renders = renders;
        this.deliveries = deliveries;
    }

    public GetRenderCallbacksResult get(GetRenderCallbacksCommand command) {
        boolean visible = renders.find(command.owner(), command.renderId())
                .filter(render -> render.environment() == command.environment())
                .isPresent();
        if (!visible) {
            return new GetRenderCallbacksResult.NotFound(command.renderId());
        }
        return new GetRenderCallbacksResult.Found(deliveries.listForRender(command.owner(), command.renderId()));
    }
}
