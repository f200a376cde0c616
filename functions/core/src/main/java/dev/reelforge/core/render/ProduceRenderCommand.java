package dev.reelforge.core.render;

/** Produce a queued render, on behalf of one delivery of its creation event ({@code delivery} names it). */
public record ProduceRenderCommand(RenderKey render, String delivery) {}
