package dev.reelforge.core.render;

/**
 * A page of the caller's renders in one environment, newest first, continued from where the previous page ended.
 * Renders are kept apart by owner and environment as {@link GetRender} keeps them: nothing of another owner's, nor
 * of the other environment, is ever listed.
 */
public final class ListRenders {

    private final Renders renders;

    public ListRenders(Renders renders) {
        this.renders = renders;
    }

    public RenderPage list(ListRendersCommand command) {
        return renders.list(command.owner(), command.environment(), command.status(), command.after(),
                command.limit());
    }
}
