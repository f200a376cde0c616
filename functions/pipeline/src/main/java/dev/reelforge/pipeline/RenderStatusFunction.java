package dev.reelforge.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.cloudfront.CloudFrontSignedUrls;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3Storage;
import dev.reelforge.aws.secretsmanager.SigningKeySecret;
import dev.reelforge.core.render.RecordEncodingEvent;
import dev.reelforge.core.render.RecordEncodingEventResult;
import dev.reelforge.runtime.FunctionEnvironment;
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
                    Object encoderMessage = detail.get("errorMessage");
                    context.getLogger().log(detail.get("status") + " of job " + encodingEvent.jobId() + ": " + outcome
                            + (encoderMessage == null ? "" : " (MediaConvert said: " + encoderMessage + ")"));
                    return outcome;
                })
                .orElse("ignored: not a Reelforge job event");
    }
}
