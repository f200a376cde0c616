package dev.reelforge.core.pipeline;

/** The encoding jobs an {@link Encoder} started, by their ids. */
public interface EncodingJobs {

    /**
     * Cancels the job, which then writes no further output and reports itself canceled; a job that has already
     * finished (or is unknown) is left as it is, so cancelling is safe to repeat.
     */
    void cancel(String jobId);
}
