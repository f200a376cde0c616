package dev.reelforge.core.ingest;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A rendition job ended ({@link RenditionEncoder}): every output made, or the job failed.
 *
 * @param executionMillis from the job's start to its end, when known
 */
public record RenditionJobEvent(String owner, UUID sourceId, String jobId, Outcome outcome,
        OptionalLong executionMillis) {

    public RenditionJobEvent {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(executionMillis, "executionMillis");
    }

    public sealed interface Outcome {}

    /** Every output was written; each as the storage names it ({@code s3://bucket/key}), with what the encoder saw. */
    public record Completed(List<OutputFile> outputs) implements Outcome {

        public Completed {
            outputs = List.copyOf(outputs);
        }
    }

    /** {@code code} is the encoder's; its message names internal storage and is for the logs only. */
    public record Errored(String code) implements Outcome {}

    public record OutputFile(String location, OptionalInt width, OptionalInt height, OptionalLong durationMillis) {

        public OutputFile {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(width, "width");
            Objects.requireNonNull(height, "height");
            Objects.requireNonNull(durationMillis, "durationMillis");
        }
    }
}
