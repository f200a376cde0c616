package dev.reelforge.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.reelforge.core.render.ChunkOrder;
import dev.reelforge.core.render.ComposeChunk;
import dev.reelforge.core.render.ComposeChunkCommand;
import dev.reelforge.core.render.ComposeChunkResult;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.MetricUnit;
import dev.reelforge.runtime.log.StructuredLog;
import java.time.Duration;

/**
 * The render chunks queue: composes each chunk of a long video the render worker ordered, one message at a time, and
 * the last of a render's chunks starts the job joining them. A message whose composition throws (an outage, not a
 * user's mistake) is reported as a batch item failure so SQS delivers it again; a message that is not a chunk order
 * is logged and dropped, since no delivery of it could ever succeed.
 */
public final class ComposeChunkFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final ComposeChunk composeChunk;

    public ComposeChunkFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public ComposeChunkFunction(FunctionEnvironment environment) {
        this(wire(RenderWorkerParts.of(environment)));
    }

    public ComposeChunkFunction(ComposeChunk composeChunk) {
        this.composeChunk = composeChunk;
    }

    private static ComposeChunk wire(RenderWorkerParts parts) {
        return new ComposeChunk(parts.renders(), parts.fetcher(), parts.drawer(), parts.probe(), parts.composer(),
                parts.storage(), parts.encoder(), parts.clock(), parts.workDirectory(), parts.limits(),
                parts.fontsAndPages());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return BatchItemFailures.ofQueue(event, context, (message, log) -> {
            ChunkOrder order;
            try {
                order = ChunkOrder.fromJson(message.getBody());
            } catch (IllegalArgumentException notAnOrder) {
                log.event("chunk.dropped").field("messageId", message.getMessageId())
                        .field("reason", notAnOrder.getMessage()).warn();
                return;
            }
            long started = System.nanoTime();
            ComposeChunkResult result = composeChunk.compose(new ComposeChunkCommand(order, message.getMessageId()));
            logComposed(log, order, result, Duration.ofNanos(System.nanoTime() - started).toMillis());
        });
    }

    /** {@code chunk.composed}; the metric {@code ChunkDuration} is fetch, probe, composition and upload. */
    private static void logComposed(StructuredLog log, ChunkOrder order, ComposeChunkResult result, long millis) {
        LogEvent line = log.event("chunk.composed").owner(order.render().owner()).render(order.render().id())
                .field("chunk", order.chunk()).field("chunks", order.chunks());
        switch (result) {
            case ComposeChunkResult.Composed composed -> line.outcome("composed").field("composed", composed.composed())
                    .metric("ChunkDuration", millis, MetricUnit.MILLISECONDS).info();
            case ComposeChunkResult.Encoding encoding -> line.outcome("encoding").field("jobId", encoding.jobId())
                    .metric("ChunkDuration", millis, MetricUnit.MILLISECONDS).info();
            case ComposeChunkResult.Failed failed -> {
                line.outcome("failed").field("error", failed.error())
                        .metric("ChunkDuration", millis, MetricUnit.MILLISECONDS);
                failed.cause().ifPresent(line::failure);
                line.warn();
            }
            case ComposeChunkResult.Stopped stopped -> line.outcome("stopped").field("reason", stopped.reason()).info();
        }
    }
}
