package dev.reelforge.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.aws.cloudfront.CloudFrontSignedUrls;
import dev.reelforge.aws.secretsmanager.SigningKeySecret;
import dev.reelforge.aws.sqs.SqsChunkQueue;
import dev.reelforge.core.pipeline.IntermediatePipes;
import dev.reelforge.core.render.ProduceRender;
import dev.reelforge.core.render.ProduceRenderCommand;
import dev.reelforge.core.render.ProduceRenderResult;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.media.NamedPipeIntermediates;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.MetricUnit;
import dev.reelforge.runtime.log.StructuredLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The DynamoDB stream of new renders: produces each queued render up to its encoding job. A record whose
 * production throws (an outage, not a user's mistake) is reported as a batch item failure so Lambda
 * retries it; user mistakes fail the render and are not retried.
 */
public final class RenderWorkerFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

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
        RenderWorkerParts parts = RenderWorkerParts.of(environment);
        return new ProduceRender(parts.renders(), parts.fetcher(), parts.drawer(), parts.probe(), parts.composer(),
                parts.storage(), CloudFrontSignedUrls.of(environment, SigningKeySecret.read(environment)), parts.encoder(), parts.clock(), parts.workDirectory(),
                parts.limits(), parts.fontsAndPages(),
                environment.optional("INTERMEDIATE_PIPES").map(Path::of)
                        .<IntermediatePipes>map(NamedPipeIntermediates::new).orElse(IntermediatePipes.NONE),
                chunking(environment));
    }

    /** {@code CHUNK_SECONDS} 0: every render composed whole; else long videos in chunks of about that many seconds. */
    private static ProduceRender.Chunking chunking(FunctionEnvironment environment) {
        long seconds = environment.requiredWholeNumber("CHUNK_SECONDS");
        return seconds == 0 ? ProduceRender.Chunking.NONE
                : new ProduceRender.Chunking(seconds, SqsChunkQueue.of(environment));
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
            case ProduceRenderResult.Chunked chunked -> line.outcome("chunked").field("chunks", chunked.chunks())
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
