package dev.reelforge.core.render;

/** What a render composed in chunks is waiting for, once one more of its chunks is composed. */
public sealed interface ChunkTally {

    /** Other chunks are still being composed, or another delivery joins them. */
    record Waiting(int composed, int chunks) implements ChunkTally {}

    /** Every chunk is composed, and this delivery is the one that starts the job joining them. */
    record AllComposed(int chunks) implements ChunkTally {}

    /** The render has finished (been cancelled or failed) meanwhile. */
    record Finished() implements ChunkTally {}
}
