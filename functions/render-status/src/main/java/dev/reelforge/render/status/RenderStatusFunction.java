package dev.reelforge.render.status;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.cloudfront.CloudFrontSignedUrls;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.aws.s3.S3Storage;
import dev.reelforge.core.render.RecordEncodingEvent;
import dev.reelforge.core.render.RecordEncodingEventResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * EventBridge rule on "MediaConvert Job State Change": records each event of a Reelforge job on its
 * render. Events come at least once and in any order; what they no longer change is ignored.
 */
public final class RenderStatusFunction implements RequestHandler<ScheduledEvent, String> {

    private final RecordEncodingEvent recordEncodingEvent;

    public RenderStatusFunction() {
        this(System.getenv());
    }

    /** Wires the real parts from the given environment variables; the embedded stack passes each function its own. */
    public RenderStatusFunction(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** As {@link #RenderStatusFunction(Map)}, telling time by {@code clock}: the embedded stack's is controllable. */
    public RenderStatusFunction(Map<String, String> environment, Clock clock) {
        this(wire(RenderStatusSettings.from(new EnvironmentVariables(environment)), Clock.tick(clock, Duration.ofMillis(1))));
    }

    public RenderStatusFunction(RecordEncodingEvent recordEncodingEvent) {
        this.recordEncodingEvent = recordEncodingEvent;
    }

    private static RecordEncodingEvent wire(RenderStatusSettings settings, Clock clock) {
        return new RecordEncodingEvent(
                new DynamoDbRenders(AwsClients.dynamoDb(settings.aws()), settings.rendersTable()),
                new S3Storage(AwsClients.s3(settings.aws()), settings.tempBucket()),
                CloudFrontSignedUrls.of(settings.temporaryUrls(), settings.aws(), clock),
                clock);
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
