package dev.reelforge.aws.sqs;

import dev.reelforge.core.render.ChunkOrder;
import dev.reelforge.core.render.ChunkQueue;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.SdkClients;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The render chunks queue on SQS: a message is one {@link ChunkOrder} as JSON; the function composing chunks takes
 * them one at a time, so as many chunks are composed at once as there are messages and Lambda concurrency allows.
 */
public final class SqsChunkQueue implements ChunkQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsChunkQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** The queue template.yaml names to the render worker ({@code RENDER_CHUNKS_QUEUE_URL}). */
    public static SqsChunkQueue of(FunctionEnvironment environment) {
        return new SqsChunkQueue(SdkClients.configure(SqsClient.builder(), environment, "SQS").build(),
                environment.required("RENDER_CHUNKS_QUEUE_URL"));
    }

    @Override
    public void submit(ChunkOrder order) {
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(order.toJson()));
    }
}
