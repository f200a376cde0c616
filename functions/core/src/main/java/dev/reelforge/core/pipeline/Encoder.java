package dev.reelforge.core.pipeline;

import dev.reelforge.core.Environment;
import dev.reelforge.core.plan.OutputPlan;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts the encoding of a composed intermediate into a render's outputs (MediaConvert on AWS and on the
 * embedded stack). The outcome arrives later as encoding events.
 */
public interface Encoder extends EncodingJobs {

    /** Starts the job; starting it again for the same render does not start a second one. */
    String start(EncodeRequest request);

    /** Where the job for this request writes its outputs; known before it starts. */
    WrittenFiles outputsOf(EncodeRequest request);

    /**
     * @param input        where the composed intermediate is, as the storage names it ({@code s3://...})
     * @param outputPrefix where outputs go, without extension: {@code s3://bucket/renders/{owner}/{renderId}}
     * @param hasVideo     whether the intermediate has pictures (false for an MP3 output)
     * @param hasAudio     whether the intermediate has sound
     * @param duration     seconds of the intermediate
     */
    record EncodeRequest(UUID renderId, String owner, Environment environment, String input, String outputPrefix,
            OutputPlan output, boolean hasVideo, boolean hasAudio, double duration) {}

    /** The outputs of a job, as the storage names locations ({@code s3://...}); nothing else it writes is one. */
    record WrittenFiles(String file, Optional<String> poster, Optional<String> thumbnail) {}
}
