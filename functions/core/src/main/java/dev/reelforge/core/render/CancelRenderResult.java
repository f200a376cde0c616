package dev.reelforge.core.render;

import java.util.UUID;

public sealed interface CancelRenderResult {

    /**
     * The render is cancelled: {@code failed} with the error {@value Render#CANCELLED}, by this call or by an earlier
     * one. The pipeline stops its work and removes what it wrote; {@code render} is the render as it is now.
     */
    record Cancelled(Render render) implements CancelRenderResult {}

    /** The render had finished ({@code done}, or {@code failed} for another reason) before it could be cancelled. */
    record AlreadyFinished(Render render) implements CancelRenderResult {}

    /** No render with this id belongs to the caller in that environment, whether or not another owner has one. */
    record NotFound(UUID id) implements CancelRenderResult {}
}
