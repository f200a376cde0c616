package dev.reelforge.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.cloudfront.CloudFrontSignedUrls;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3Storage;
import dev.reelforge.aws.secretsmanager.SigningKeySecret;
import dev.reelforge.core.render.EncodingEvent;
import dev.reelforge.core.render.RecordEncodingEvent;
import dev.reelforge.core.render.RecordEncodingEventResult;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.MetricUnit;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.Map;

/**
 * EventBridge rule on "MediaConvert Job State Change": records each event of a Reelforge job on its
 * render. Events come at least once and in any order; what they no longer change is ignored.
 */
public final class RenderStatusFunction implements RequestHandler<ScheduledEvent, String> {

    private final RecordEncodingEvent recordEncodingEvent;

    public RenderStatusFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public RenderStatusFunction(FunctionEnvironment environment) {
        this(new RecordEncodingEvent(DynamoDbTables.of(environment).renders(), S3Buckets.of(environment).temporary(),
                CloudFrontSignedUrls.of(environment, SigningKeySecret.read(environment)), environment.clock()));
    }

    public RenderStatusFunction(RecordEncodingEvent recordEncodingEvent) {
        this.recordEncodingEvent = recordEncodingEvent;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        Map<String, Object> detail = event.getDetail() == null ? Map.of() : event.getDetail();
        return MediaConvertJobEvents.read(detail)
                .map(encodingEvent -> {
                    RecordEncodingEventResult result = recordEncodingEvent.record(encodingEvent);
                    String outcome = switch (result) {
                        case RecordEncodingEventResult.Recorded recorded -> "render " + encodingEvent.render().id()
                                + " is " + recorded.status().wireName();
                        case RecordEncodingEventResult.Ignored ignored -> "ignored: " + ignored.reason();
                    };
                    logRecorded(StructuredLog.of(context), encodingEvent, result, detail);
                    return outcome;
                })
                .orElse("ignored: not a Reelforge job event");
    }

    /**
     * {@code encoding.recorded}, with the encoder's own message when it failed (it names internal storage, so only
     * the logs get it); the job that ends a render adds the metric {@code EncodeDuration}, submission to end.
     */
    private static void logRecorded(StructuredLog log, EncodingEvent encodingEvent, RecordEncodingEventResult result,
            Map<String, Object> detail) {
        LogEvent line = log.event("encoding.recorded").owner(encodingEvent.render().owner())
                .render(encodingEvent.render().id()).field("jobId", encodingEvent.jobId())
                .field("jobStatus", String.valueOf(detail.get("status")));
        if (detail.get("errorCode") != null) {
            line.field("encoderErrorCode", String.valueOf(detail.get("errorCode")));
        }
        if (detail.get("errorMessage") != null) {
            line.field("encoderMessage", String.valueOf(detail.get("errorMessage")));
        }
        switch (result) {
            case RecordEncodingEventResult.Recorded recorded -> {
                line.outcome(recorded.status().wireName());
                if (recorded.status().isTerminal()) {
                    MediaConvertJobEvents.encodeMillis(detail).ifPresent(millis ->
                            line.metric("EncodeDuration", millis, MetricUnit.MILLISECONDS));
                }
                if (recorded.status() == RenderStatus.FAILED) {
                    line.warn();
                } else {
                    line.info();
                }
            }
            case RecordEncodingEventResult.Ignored ignored -> line.outcome("ignored").field("reason", ignored.reason())
                    .info();
        }
    }
}
