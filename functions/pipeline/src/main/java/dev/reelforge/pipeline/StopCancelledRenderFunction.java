package dev.reelforge.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.mediaconvert.MediaConvertJobs;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.StopCancelledRender;
import dev.reelforge.core.render.StopCancelledRenderCommand;
import dev.reelforge.core.render.StopCancelledRenderResult;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.Map;
import java.util.UUID;

/**
 * The renders table's stream, filtered (template.yaml) to renders that became {@code failed} with the error
 * {@code cancelled}: the API only marks a cancelled render, and this stops what still works for it (its
 * MediaConvert job) and removes what it wrote (its outputs in the temporary bucket, any asset whose hosting had
 * begun). A record that fails (an outage) is reported as a batch item failure, so Lambda retries it.
 */
public final class StopCancelledRenderFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final StopCancelledRender stopCancelledRender;

    public StopCancelledRenderFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public StopCancelledRenderFunction(FunctionEnvironment environment) {
        this(wire(environment));
    }

    public StopCancelledRenderFunction(StopCancelledRender stopCancelledRender) {
        this.stopCancelledRender = stopCancelledRender;
    }

    private static StopCancelledRender wire(FunctionEnvironment environment) {
        DynamoDbTables tables = DynamoDbTables.of(environment);
        return new StopCancelledRender(tables.renders(), MediaConvertJobs.of(environment),
                S3Buckets.of(environment).temporary(), tables.assets(), environment.clock());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return BatchItemFailures.ofStream(event, context, (record, log) -> {
            Map<String, AttributeValue> image = record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
            if (image == null || !image.containsKey("owner") || !image.containsKey("id")) {
                return;
            }
            RenderKey render = new RenderKey(image.get("owner").getS(), UUID.fromString(image.get("id").getS()));
            logStopped(log, render, stopCancelledRender.stop(new StopCancelledRenderCommand(render)));
        });
    }

    /** {@code render.stopped}: what a cancel stopped and removed, or why it left the render alone. */
    private static void logStopped(StructuredLog log, RenderKey render, StopCancelledRenderResult result) {
        LogEvent line = log.event("render.stopped").owner(render.owner()).render(render.id());
        switch (result) {
            case StopCancelledRenderResult.Stopped stopped -> {
                stopped.jobId().ifPresent(job -> line.field("jobId", job));
                line.outcome("stopped").field("outputsDeleted", stopped.outputsDeleted().size())
                        .field("assetsDeleted", stopped.assetsDeleted()).info();
            }
            case StopCancelledRenderResult.NotCancelled notCancelled ->
                    line.outcome("not_cancelled").field("reason", notCancelled.reason()).info();
        }
    }
}
