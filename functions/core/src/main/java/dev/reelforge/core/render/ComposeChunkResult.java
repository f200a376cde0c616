package dev.reelforge.core.render;

import java.util.Optional;

public sealed interface ComposeChunkResult {

    /** The chunk is composed and stored; {@code composed} of the render's {@code chunks} are. */
    record Composed(int composed, int chunks) implements ComposeChunkResult {}

    /** The chunk was the last to be composed, and this delivery started the job joining them all. */
    record Encoding(String jobId) implements ComposeChunkResult {}

    /**
     * The render failed with {@code error}, which its owner sees; {@code cause} is the failure behind it, for the
     * logs, when there was one.
     */
    record Failed(String error, Optional<Throwable> cause) implements ComposeChunkResult {}

    /** The render ended while the chunk was being composed (its owner cancelled it): the work was given up. */
    record Stopped(String reason) implements ComposeChunkResult {}
}
