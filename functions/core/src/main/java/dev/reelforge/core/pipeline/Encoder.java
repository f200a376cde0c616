package dev.reelforge.core.pipeline;

import dev.reelforge.core.Environment;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.plan.OutputPlan;
import dev.reelforge.core.render.Rendition;
import java.util.List;
import java.util.Objects;
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
     * @param inputs       where the composed intermediate is, as the storage names it ({@code s3://...}); a
     *                     composition made in chunks is several, joined in their order into one timeline
     * @param outputPrefix where outputs go, without extension: {@code s3://bucket/renders/{owner}/{renderId}}
     * @param hasVideo     whether the intermediate has pictures (false for an MP3 output)
     * @param hasAudio     whether the intermediate has sound
     * @param duration     seconds of the intermediate
     * @param renditions   further sizes of the video, each its own file and frame capture, made by the same job;
     *                     only an MP4 output has any (a face asking for them for another output is a bug)
     */
    record EncodeRequest(UUID renderId, String owner, Environment environment, List<String> inputs,
            String outputPrefix, OutputPlan output, boolean hasVideo, boolean hasAudio, double duration,
            List<Rendition> renditions) {

        public EncodeRequest {
            inputs = List.copyOf(inputs);
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("a job encodes at least one input");
            }
            renditions = List.copyOf(renditions);
            if (!renditions.isEmpty() && output.format() != OutputFormat.MP4) {
                throw new IllegalArgumentException("renditions are sizes of a video: a " + output.format()
                        + " output has none");
            }
        }

        /** A request for one intermediate. */
        public EncodeRequest(UUID renderId, String owner, Environment environment, String input, String outputPrefix,
                OutputPlan output, boolean hasVideo, boolean hasAudio, double duration, List<Rendition> renditions) {
            this(renderId, owner, environment, List.of(input), outputPrefix, output, hasVideo, hasAudio, duration,
                    renditions);
        }

        /** A request for one intermediate, without renditions (a render of an edit alone). */
        public EncodeRequest(UUID renderId, String owner, Environment environment, String input, String outputPrefix,
                OutputPlan output, boolean hasVideo, boolean hasAudio, double duration) {
            this(renderId, owner, environment, List.of(input), outputPrefix, output, hasVideo, hasAudio, duration,
                    List.of());
        }

        /**
         * When each rendition's frame capture is taken, in seconds of the output: at the edit's thumbnail capture
         * if it asks for one, else at its poster, else half-way through the video (its first frame is often a
         * fade from black, its last a fade to it), so that a rendition's picture is the one the edit chose for the
         * main file whenever it chose one.
         */
        public double renditionCaptureAt() {
            return output.thumbnail().map(OutputPlan.ThumbnailPlan::at)
                    .or(output::posterAt)
                    .orElse(Math.round(duration * 1000 / 2) / 1000.0);
        }
    }

    /**
     * The outputs of a job, as the storage names locations ({@code s3://...}); nothing else it writes is one.
     *
     * @param renditions one entry per rendition of the request, in its order
     */
    record WrittenFiles(String file, Optional<String> poster, Optional<String> thumbnail,
            List<RenditionFiles> renditions) {

        public WrittenFiles {
            renditions = List.copyOf(renditions);
        }

        /** The outputs of a job without renditions. */
        public WrittenFiles(String file, Optional<String> poster, Optional<String> thumbnail) {
            this(file, poster, thumbnail, List.of());
        }
    }

    /** A rendition's video file and its frame capture, as the storage names locations. */
    record RenditionFiles(String name, String file, String capture) {

        public RenditionFiles {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(capture, "capture");
        }
    }
}
