package dev.reelforge.render.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.cloudfront.CloudFrontSignedUrls;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.aws.mediaconvert.MediaConvertEncoder;
import dev.reelforge.aws.mediaconvert.MediaConvertSettings;
import dev.reelforge.aws.s3.S3Storage;
import dev.reelforge.core.render.ProduceRender;
import dev.reelforge.core.render.ProduceRenderCommand;
import dev.reelforge.core.render.ProduceRenderResult;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.media.FfmpegComposer;
import dev.reelforge.media.FfmpegMediaProbe;
import dev.reelforge.media.LiberationFonts;
import dev.reelforge.media.WatermarkImage;
import dev.reelforge.sources.GuardedSourceFetcher;
import dev.reelforge.sources.SourceLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The DynamoDB stream of new renders: produces each queued render up to its encoding job. A record whose
 * production throws (an outage, not a user's mistake) is reported as a batch item failure so Lambda
 * retries it; user mistakes fail the render and are not retried.
 */
public final class RenderWorkerFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    /** The composition must leave time, within Lambda's 15 minutes, to upload and start the job. */
    private static final Duration COMPOSE_TIMEOUT = Duration.ofMinutes(12);

    private final ProduceRender produceRender;

    public RenderWorkerFunction() {
        this(System.getenv());
    }

    /** Wires the real parts from the given environment variables; the embedded stack passes each function its own. */
    public RenderWorkerFunction(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** As {@link #RenderWorkerFunction(Map)}, telling time by {@code clock}: the embedded stack's is controllable. */
    public RenderWorkerFunction(Map<String, String> environment, Clock clock) {
        this(wire(RenderWorkerSettings.from(new EnvironmentVariables(environment)), Clock.tick(clock, Duration.ofMillis(1))));
    }

    public RenderWorkerFunction(ProduceRender produceRender) {
        this.produceRender = produceRender;
    }

    private static ProduceRender wire(RenderWorkerSettings settings, Clock clock) {
        S3Client s3 = AwsClients.s3(settings.aws());
        S3Storage storage = new S3Storage(s3, settings.tempBucket());
        WatermarkImage watermark = Watermark.publish(storage, settings.watermarkKey(), settings.workDirectory());
        LiberationFonts fonts = new LiberationFonts(settings.workDirectory().resolve("fonts"));
        return new ProduceRender(
                new DynamoDbRenders(AwsClients.dynamoDb(settings.aws()), settings.rendersTable()),
                new GuardedSourceFetcher(new SourceLimits(settings.maxSourceBytes(), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), settings.allowLoopbackSources(), 5, settings.sourceBuckets()), s3),
                new FfmpegMediaProbe(settings.ffmpeg(), PROBE_TIMEOUT),
                new FfmpegComposer(settings.ffmpeg(), fonts, COMPOSE_TIMEOUT, Optional.of(watermark)),
                storage,
                CloudFrontSignedUrls.of(settings.temporaryUrls(), settings.aws(), clock),
                new MediaConvertEncoder(AwsClients.mediaConvert(settings.aws()), new MediaConvertSettings(
                        settings.mediaConvertRoleArn(), settings.mediaConvertQueueArn(),
                        storage.location(settings.watermarkKey()), watermark.size())),
                clock,
                settings.workDirectory(),
                new ProduceRender.Limits(settings.maxSourceLength(), settings.maxOutputLength()));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            if (!"INSERT".equals(record.getEventName()) || image == null || !image.containsKey("owner")) {
                continue;
            }
            RenderKey render = new RenderKey(image.get("owner").getS(), UUID.fromString(image.get("id").getS()));
            try {
                ProduceRenderResult result = produceRender.produce(new ProduceRenderCommand(render, record.getEventID()));
                context.getLogger().log(describe(render, result));
            } catch (RuntimeException outage) {
                context.getLogger().log("render " + render.id() + " will be retried: " + trace(outage));
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }

    private static String describe(RenderKey render, ProduceRenderResult result) {
        return "render " + render.id() + ": " + switch (result) {
            case ProduceRenderResult.Encoding encoding -> "encoding as job " + encoding.jobId();
            case ProduceRenderResult.Completed completed -> "done";
            case ProduceRenderResult.Failed failed -> "failed: " + failed.error()
                    + failed.cause().map(cause -> " (" + trace(cause) + ")").orElse("");
            case ProduceRenderResult.Skipped skipped -> "skipped: " + skipped.reason();
        };
    }

    private static String trace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
