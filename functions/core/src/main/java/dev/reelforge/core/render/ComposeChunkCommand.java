package dev.reelforge.core.render;

/** Composes one chunk of a render, for one delivery of its order (the same across the delivery's retries). */
public record ComposeChunkCommand(ChunkOrder order, String delivery) {}
