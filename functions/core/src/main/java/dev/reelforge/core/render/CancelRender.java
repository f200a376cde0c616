package dev.reelforge.core.render;

import java.time.Clock;
import java.util.Optional;

/**
 * Cancels one of the caller's renders that has not finished. The cancel is a conditional write, like every
 * change of a render: an unfinished render moves to {@code failed} with the error {@value Render#CANCELLED}, and a
 * render that finished first (its encoding completed a moment before) stays as it finished. Only the record is
 * changed here; the pipeline reacts to it (the worker stops composing, the encoding job is cancelled, outputs and
 * assets are removed), so the function that answers the API needs nothing but the renders table.
 *
 * <p>Cancelling a cancelled render again answers that it is cancelled: a client that lost the first answer may
 * repeat the request.
 */
public final class CancelRender {

    private final Renders renders;
    private final Clock clock;

    public CancelRender(Renders renders, Clock clock) {
        this.renders = renders;
        this.clock = clock;
    }

    public CancelRenderResult cancel(CancelRenderCommand command) {
        Optional<Render> found = find(command);
        if (found.isEmpty()) {
            return new CancelRenderResult.NotFound(command.id());
        }
        Render render = found.get();
        if (render.status().isCancellable()) {
            // Whether this write or a concurrent finish won, the render as it is now says which.
            renders.fail(new RenderKey(command.owner(), command.id()), Render.CANCELLED, clock.instant());
            render = find(command).orElseThrow(() -> new IllegalStateException(
                    "render " + command.id() + " of " + command.owner() + " vanished; renders are never removed"));
        }
        return render.isCancelled() ? new CancelRenderResult.Cancelled(render)
                : new CancelRenderResult.AlreadyFinished(render);
    }

    private Optional<Render> find(CancelRenderCommand command) {
        return renders.find(command.owner(), command.id())
                .filter(render -> render.environment() == command.environment());
    }
}
