package dev.reelforge.pipeline;

import dev.reelforge.aws.mediaconvert.MediaConvertEncoder;
import dev.reelforge.core.render.EncodingEvent;
import dev.reelforge.core.render.RenderKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Reads the {@code detail} of a "MediaConvert Job State Change" event into an {@link EncodingEvent}: the
 * render from the job's user metadata, and what happened from its status. Events of other applications'
 * jobs, and statuses that tell a render nothing (INPUT_INFORMATION, NEW_WARNING...), read as empty.
 */
final class MediaConvertJobEvents {

    private MediaConvertJobEvents() {}

    static Optional<EncodingEvent> read(Map<String, Object> detail) {
        Map<String, Object> metadata = map(detail.get("userMetadata"));
        Object owner = metadata.get("owner");
        Object renderId = metadata.get("renderId");
        Object jobId = detail.get("jobId");
        if (!"reelforge".equals(metadata.get("application")) || owner == null || renderId == null || jobId == null) {
            return Optional.empty();
        }
        RenderKey render = new RenderKey(owner.toString(), UUID.fromString(renderId.toString()));
        EncodingEvent.Kind kind = switch (String.valueOf(detail.get("status"))) {
            case "PROGRESSING" -> new EncodingEvent.Progressing(0, false);
            case "STATUS_UPDATE" -> {
                Map<String, Object> progress = map(detail.get("jobProgress"));
                yield new EncodingEvent.Progressing(number(progress.get("jobPercentComplete")),
                        "UPLOADING".equals(progress.get("currentPhase")));
            }
            case "COMPLETE" -> completed(detail);
            case "ERROR" -> new EncodingEvent.Errored(String.valueOf(detail.get("errorCode")),
                    String.valueOf(detail.getOrDefault("errorMessage", "no reason given")));
            case "CANCELED" -> new EncodingEvent.Canceled();
            default -> null;
        };
        return Optional.ofNullable(kind).map(known -> new EncodingEvent(render, jobId.toString(), known));
    }

    /**
     * How long the job took, from its submission (the {@code submittedAt} metadata the encoder gives every job) to
     * this event's {@code timestamp}; empty when either is missing.
     */
    static OptionalLong encodeMillis(Map<String, Object> detail) {
        Object submittedAt = map(detail.get("userMetadata")).get(MediaConvertEncoder.SUBMITTED_AT);
        if (!(detail.get("timestamp") instanceof Number timestamp) || submittedAt == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.max(0, timestamp.longValue() - Long.parseLong(submittedAt.toString())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static EncodingEvent.Completed completed(Map<String, Object> detail) {
        List<String> outputs = new ArrayList<>();
        long durationMillis = 0;
        for (Object group : list(detail.get("outputGroupDetails"))) {
            for (Object output : list(map(group).get("outputDetails"))) {
                Map<String, Object> details = map(output);
                list(details.get("outputFilePaths")).forEach(path -> outputs.add(path.toString()));
                durationMillis = Math.max(durationMillis, number(details.get("durationInMs")));
            }
        }
        return new EncodingEvent.Completed(outputs, durationMillis);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }
}
