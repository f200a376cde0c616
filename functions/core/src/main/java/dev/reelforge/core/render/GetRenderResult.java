package dev.reelforge.core.render;

import java.util.UUID;

public sealed interface GetRenderResult {

    record Found(Render render) implements GetRenderResult {}

    /** No render with this id belongs to the caller, whether or not another owner has one. */
    record NotFound(UUID id) implements GetRenderResult {}
}
