package dev.reelforge.core.render;

import java.util.List;

/** News from the encoding job of a render. */
public record EncodingEvent(RenderKey render, String jobId, Kind kind) {

    public sealed interface Kind {}

    /** Encoding is under way; {@code writingOutputs} once the encoder is uploading what it made. */
    public record Progressing(int percent, boolean writingOutputs) implements Kind {}

    /** The job wrote {@code outputs} (storage locations) of {@code durationMillis} length. */
    public record Completed(List<String> outputs, long durationMillis) implements Kind {

        public Completed {
            outputs = List.copyOf(outputs);
        }
    }

    public record Errored(String code, String message) implements Kind {}

    public record Canceled() implements Kind {}
}
