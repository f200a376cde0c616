package dev.reelforge.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.aws.cloudfront.CloudFrontSignedUrls;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.mediaconvert.MediaConvertEncoder;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3Storage;
import dev.reelforge.aws.secretsmanager.SigningKeySecret;
import dev.reelforge.core.pipeline.IntermediatePipes;
import dev.reelforge.core.render.FontsAndPages;
import dev.reelforge.core.render.ProduceRender;
import dev.reelforge.core.render.ProduceRenderCommand;
import dev.reelforge.core.render.ProduceRenderResult;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.html.OpenHtmlRasterizer;
import dev.reelforge.media.FfmpegComposer;
import dev.reelforge.media.FfmpegMediaProbe;
import dev.reelforge.media.Java2dPictureDrawer;
import dev.reelforge.media.LiberationFonts;
import dev.reelforge.media.NamedPipeIntermediates;
import dev.reelforge.media.TrueTypeFontReader;
import dev.reelforge.media.WatermarkImage;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.MetricUnit;
import dev.reelforge.runtime.log.StructuredLog;
import dev.reelforge.sources.GuardedSourceFetcher;
import dev.reelforge.sources.SourceLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public RenderWorkerFunction(FunctionEnvironment environment) {
        this(wire(environment));
    }

    public RenderWorkerFunction(ProduceRender produceRender) {
        this.produceRender = produceRender;
    }

    private static ProduceRender wire(FunctionEnvironment environment) {
        Path workDirectory = environment.optional("WORK_DIRECTORY").map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "reelforge"));
        Path ffmpeg = Path.of(environment.required("FFMPEG"));
        S3Buckets buckets = S3Buckets.of(environment);
        S3Storage storage = buckets.temporary();
        String watermarkKey = environment.required("WATERMARK_KEY");
        WatermarkImage watermark = Watermark.publish(storage, watermarkKey, workDirectory);
        LiberationFonts fonts = new LiberationFonts(workDirectory.resolve("fonts"));
        SourceLimits sourceLimits = new SourceLimits(environment.requiredWholeNumber("MAX_SOURCE_BYTES"),
                Duration.ofSeconds(10), Duration.ofSeconds(30), environment.requiredFlag("ALLOW_LOOPBACK_SOURCES"), 5,
                environment.commaSeparated("SOURCE_BUCKETS"));
        FfmpegMediaProbe probe = new FfmpegMediaProbe(ffmpeg, PROBE_TIMEOUT);
        // fonts come through the same guard, bounded lower than media: no font is anywhere near a video's size
        SourceLimits fontLimits = new SourceLimits(Math.min(sourceLimits.maxBytes(), FontsAndPages.MAX_FONT_BYTES),
                sourceLimits.connectTimeout(), sourceLimits.readTimeout(), sourceLimits.allowLoopback(),
                sourceLimits.maxRedirects(), sourceLimits.sourceBuckets());
        return new ProduceRender(
                DynamoDbTables.of(environment).renders(),
                new GuardedSourceFetcher(sourceLimits, buckets.client()),
                new Java2dPictureDrawer(),
                probe,
                new FfmpegComposer(ffmpeg, fonts, COMPOSE_TIMEOUT, Optional.of(watermark)),
                storage,
                CloudFrontSignedUrls.of(environment, SigningKeySecret.read(environment)),
                MediaConvertEncoder.of(environment, storage.location(watermarkKey), watermark.size()),
                environment.clock(),
                workDirectory,
                new ProduceRender.Limits(Duration.ofSeconds(environment.requiredWholeNumber("MAX_SOURCE_SECONDS")),
                        Duration.ofSeconds(environment.requiredWholeNumber("MAX_OUTPUT_SECONDS"))),
                new FontsAndPages(new GuardedSourceFetcher(fontLimits, buckets.client()), new TrueTypeFontReader(),
                        new OpenHtmlRasterizer(), probe),
                environment.optional("INTERMEDIATE_PIPES").map(Path::of)
                        .<IntermediatePipes>map(NamedPipeIntermediates::new).orElse(IntermediatePipes.NONE));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return BatchItemFailures.ofStream(event, context, (record, log) -> {
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            if (!"INSERT".equals(record.getEventName()) || image == null || !image.containsKey("owner")) {
                return;
            }
            RenderKey render = new RenderKey(image.get("owner").getS(), UUID.fromString(image.get("id").getS()));
            long started = System.nanoTime();
            ProduceRenderResult result = produceRender.produce(new ProduceRenderCommand(render, record.getEventID()));
            logProduced(log, render, result, Duration.ofNanos(System.nanoTime() - started).toMillis());
        });
    }

    /** {@code render.produced}; the metric {@code ProduceDuration} is fetch, probe, composition and job start. */
    private static void logProduced(StructuredLog log, RenderKey render, ProduceRenderResult result, long millis) {
        LogEvent line = log.event("render.produced").owner(render.owner()).render(render.id());
        switch (result) {
            case ProduceRenderResult.Encoding encoding -> line.outcome("encoding").field("jobId", encoding.jobId())
                    .metric("ProduceDuration", millis, MetricUnit.MILLISECONDS).info();
            case ProduceRenderResult.Completed completed -> line.outcome("done")
                    .metric("ProduceDuration", millis, MetricUnit.MILLISECONDS).info();
            case ProduceRenderResult.Failed failed -> {
                line.outcome("failed").field("error", failed.error())
                        .metric("ProduceDuration", millis, MetricUnit.MILLISECONDS);
                failed.cause().ifPresent(line::failure);
                line.warn();
            }
            case ProduceRenderResult.Stopped stopped -> line.outcome("stopped").field("reason", stopped.reason()).info();
            case ProduceRenderResult.Skipped skipped -> line.outcome("skipped").field("reason", skipped.reason()).info();
        }
    }
}
