package dev.reelforge.core.render;

import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where renders are kept. Every read is scoped to an owner: another owner's render is simply not found.
 * Every change is conditional so a render only moves forward ({@link RenderStatus#canMoveTo}): a
 * duplicated or late event finds its condition false and changes nothing.
 */
public interface Renders {

    /** Stores a new render; an existing render with the same owner and id is never overwritten. */
    void add(Render render);

    Optional<Render> find(String owner, UUID id);

    /**
     * The owner's renders in the environment, newest first (by creation, then id), after {@code after} when given,
     * only those in {@code status} when given: at most {@code limit}, and where the next page starts when more may
     * follow.
     */
    RenderPage list(String owner, Environment environment, Optional<RenderStatus> status,
            Optional<RenderPosition> after, int limit);

    /**
     * Claims a queued render for producing, on behalf of one delivery of its creation event. True when this
     * delivery may go on: it made the claim, or it made it before and is being retried, and no encoding job
     * has been started yet, or the one started reads a composition not written whole yet
     * ({@link #recordStreamingJob}), which the retry then writes again.
     */
    boolean claim(RenderKey render, String delivery, Instant now);

    /** Moves the render to {@code next}; false when it is already there or beyond. */
    boolean advance(RenderKey render, RenderStatus next, Instant now);

    /**
     * Remembers the encoding job producing the render; later events of other jobs are ignored. False when the
     * render had finished (was cancelled) meanwhile, and the job is not recorded.
     */
    boolean recordJob(RenderKey render, String jobId, Instant now);

    /**
     * As {@link #recordJob}, for a job that reads the render's composition as it is written (a streamed
     * intermediate): until {@link #recordInputComposed}, a retry of the delivery that claimed the render may claim it
     * again, since a composition cut short (the worker was killed) must be written again for the job to finish.
     */
    boolean recordStreamingJob(RenderKey render, String jobId, Instant now);

    /** The streaming job's composition is written whole: from now on retries stop at the job, as for any job. */
    void recordInputComposed(RenderKey render, Instant now);

    /**
     * Records that the render is composed in {@code chunks} chunks, by invocations of their own, before they are
     * ordered. False when the render had finished meanwhile, or was recorded with another number of chunks.
     */
    boolean recordChunks(RenderKey render, int chunks, Instant now);

    /**
     * Records chunk {@code chunk} as composed (again, for a repeated delivery: it counts once), and tells whether
     * the chunks are all composed; when they are, one delivery only (the first to ask, or a retry of it) is told
     * {@link ChunkTally.AllComposed}, and starts the job joining them.
     */
    ChunkTally recordChunkComposed(RenderKey render, int chunk, String delivery, Instant now);

    /**
     * Records which files the render writes, before it writes them, on a render still being produced; the
     * piece that hosts outputs reads them back to tell the render's outputs from by-products. False when the
     * render had finished (was cancelled) meanwhile, and nothing is recorded.
     */
    boolean recordOutputs(RenderKey render, RenderOutputs outputs, Instant now);

    /** The outputs recorded for the render; empty for a render that has none recorded (yet). */
    Optional<RenderOutputs> outputsOf(RenderKey render);

    /** The encoding job recorded for the render, if any. */
    Optional<String> jobOf(RenderKey render);

    /** Records encoding progress (0–100) of a render still being produced; it never goes down. */
    void recordProgress(RenderKey render, int percent, Instant now);

    /** Finishes the render as {@code done}; false when it had already finished. */
    boolean complete(RenderKey render, RenderResult result, Instant now);

    /** Finishes the render as {@code failed}; false when it had already finished. */
    boolean fail(RenderKey render, String error, Instant now);

    /** Unfinished renders whose last change is older than {@code cutoff}, at most {@code limit}. */
    List<RenderKey> unfinishedSince(Instant cutoff, int limit);
}
