package dev.reelforge.core.render;

/** Stop whatever still works for a render that was cancelled, and remove what it wrote. */
public record StopCancelledRenderCommand(RenderKey render) {}
