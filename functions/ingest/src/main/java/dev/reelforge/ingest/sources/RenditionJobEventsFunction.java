package dev.reelforge.ingest.sources;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.mediaconvert.MediaConvertRenditionEncoder;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3SourceFiles;
import dev.reelforge.core.ingest.RecordRenditionJob;
import dev.reelforge.core.ingest.RecordRenditionJobResult;
import dev.reelforge.core.ingest.RenditionJobEvent;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * MediaConvert's job state changes of rendition jobs (the EventBridge rule takes those whose {@code userMetadata} says
 * {@code application} reelforge and {@code kind} ingest): COMPLETE makes each rendition ready with its file, ERROR
 * fails them ({@link RecordRenditionJob}); other states change nothing. An end that arrives before its source's import
 * recorded the job throws ({@link dev.reelforge.core.ingest.SourceNotReadyException}), so Lambda delivers it again.
 */
public final class RenditionJobEventsFunction implements RequestHandler<ScheduledEvent, String> {

    private final RecordRenditionJob recordRenditionJob;

    public RenditionJobEventsFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    public RenditionJobEventsFunction(FunctionEnvironment environment) {
        this(recordRenditionJob(environment));
    }

    private static RecordRenditionJob recordRenditionJob(FunctionEnvironment environment) {
        DynamoDbTables tables = DynamoDbTables.of(environment);
        return new RecordRenditionJob(tables.sources(), S3SourceFiles.of(S3Buckets.of(environment), environment),
                tables.assets(), environment.required("AWS_REGION"), environment.clock());
    }

    public RenditionJobEventsFunction(RecordRenditionJob recordRenditionJob) {
        this.recordRenditionJob = recordRenditionJob;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        Map<String, Object> detail = event.getDetail() == null ? Map.of() : event.getDetail();
        Optional<RenditionJobEvent> jobEvent = read(detail);
        if (jobEvent.isEmpty()) {
            return "ignored: not the end of a rendition job";
        }
        RecordRenditionJobResult result = recordRenditionJob.record(jobEvent.get());
        LogEvent line = StructuredLog.of(context).event("renditions.recorded").owner(jobEvent.get().owner())
                .field("sourceId", jobEvent.get().sourceId().toString()).field("jobId", jobEvent.get().jobId())
                .field("jobStatus", String.valueOf(detail.get("status")));
        if (detail.get("errorMessage") != null) {
            line.field("encoderMessage", String.valueOf(detail.get("errorMessage")));
        }
        return switch (result) {
            case RecordRenditionJobResult.Recorded recorded -> {
                line.outcome("recorded").info();
                yield "recorded the renditions of source " + recorded.source().id();
            }
            case RecordRenditionJobResult.Ignored ignored -> {
                line.outcome("ignored").field("reason", ignored.reason()).info();
                yield "ignored: " + ignored.reason();
            }
        };
    }

    /** A COMPLETE or ERROR event of a rendition job; anything else is none. */
    static Optional<RenditionJobEvent> read(Map<String, Object> detail) {
        Map<String, Object> metadata = map(detail.get("userMetadata"));
        Object owner = metadata.get("owner");
        Object sourceId = metadata.get("sourceId");
        Object jobId = detail.get("jobId");
        if (!"reelforge".equals(metadata.get("application"))
                || !MediaConvertRenditionEncoder.KIND.equals(metadata.get("kind")) || owner == null
                || sourceId == null || jobId == null) {
            return Optional.empty();
        }
        UUID source;
        try {
            source = UUID.fromString(sourceId.toString());
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        OptionalLong execution = executionMillis(detail, metadata);
        return switch (String.valueOf(detail.get("status"))) {
            case "COMPLETE" -> Optional.of(new RenditionJobEvent(owner.toString(), source, jobId.toString(),
                    new RenditionJobEvent.Completed(outputs(detail)), execution));
            case "ERROR", "CANCELED" -> Optional.of(new RenditionJobEvent(owner.toString(), source, jobId.toString(),
                    new RenditionJobEvent.Errored(String.valueOf(detail.get("errorCode"))), execution));
            default -> Optional.empty();
        };
    }

    private static List<RenditionJobEvent.OutputFile> outputs(Map<String, Object> detail) {
        List<RenditionJobEvent.OutputFile> outputs = new ArrayList<>();
        for (Object group : list(detail.get("outputGroupDetails"))) {
            for (Object output : list(map(group).get("outputDetails"))) {
                Map<String, Object> details = map(output);
                Map<String, Object> video = map(details.get("videoDetails"));
                for (Object path : list(details.get("outputFilePaths"))) {
                    outputs.add(new RenditionJobEvent.OutputFile(path.toString(), integer(video.get("widthInPx")),
                            integer(video.get("heightInPx")),
                            details.get("durationInMs") instanceof Number millis ? OptionalLong.of(millis.longValue())
                                    : OptionalLong.empty()));
                }
            }
        }
        return outputs;
    }

    /** From the job's submission (the encoder's {@code submittedAt}, epoch milliseconds) to this event. */
    private static OptionalLong executionMillis(Map<String, Object> detail, Map<String, Object> metadata) {
        Object submittedAt = metadata.get("submittedAt");
        if (!(detail.get("timestamp") instanceof Number timestamp) || submittedAt == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.max(0, timestamp.longValue() - Long.parseLong(submittedAt.toString())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalInt integer(Object value) {
        return value instanceof Number number && number.intValue() > 0 ? OptionalInt.of(number.intValue())
                : OptionalInt.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
