package dev.reelforge.core.render;

import java.util.Optional;

public sealed interface ProduceRenderResult {

    /** The intermediate is composed and the encoding job started; encoding events finish the render. */
    record Encoding(String jobId) implements ProduceRenderResult {}

    /**
     * The render is composed in {@code chunks} chunks, ordered each to an invocation of its own; the one that composes
     * the last starts the encoding job.
     */
    record Chunked(int chunks) implements ProduceRenderResult {}

    /** The output was made without an encoder (an image) and the render is done. */
    record Completed(String url) implements ProduceRenderResult {}

    /**
     * The render failed with {@code error}, which its owner sees; {@code cause} is the failure behind it,
     * for the logs, when there was one.
     */
    record Failed(String error, Optional<Throwable> cause) implements ProduceRenderResult {}

    /**
     * The render ended while it was being produced (its owner cancelled it): the work was given up, ffmpeg ended,
     * and nothing it made was left behind or carried on.
     */
    record Stopped(String reason) implements ProduceRenderResult {}

    /** Nothing to do: the render is not queued for this delivery (a duplicate or late event). */
    record Skipped(String reason) implements ProduceRenderResult {}
}
