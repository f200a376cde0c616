package dev.reelforge.local.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.reelforge.runtime.FunctionEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test function subscribed to SQS events: keeps every message it is given, with when it was given, and fails
 * the ones its body asks to: {@code fail:...} is reported in {@code batchItemFailures}, {@code throw:...} makes the
 * whole invocation throw, {@code unknown-id:...} reports a failure of a message id that is not in the batch.
 */
public final class RecordingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** One message as the function received it, in its {@code invocation} (numbered from 1) of the function. */
    public record Delivery(SQSMessage message, long receivedAtMillis, int batchSize, long invocation) {}

    public static final BlockingQueue<Delivery> DELIVERED = new LinkedBlockingQueue<>();

    private static final AtomicLong INVOCATIONS = new AtomicLong();

    public RecordingSqsHandler() {}

    public RecordingSqsHandler(FunctionEnvironment environment) {}

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        long now = System.currentTimeMillis();
        long invocation = INVOCATIONS.incrementAndGet();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        boolean crash = false;
        for (SQSMessage message : event.getRecords()) {
            DELIVERED.add(new Delivery(message, now, event.getRecords().size(), invocation));
            if (message.getBody().startsWith("fail:")) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } else if (message.getBody().startsWith("unknown-id:")) {
                failures.add(new SQSBatchResponse.BatchItemFailure("no-such-message"));
            } else if (message.getBody().startsWith("throw:")) {
                crash = true;
            }
        }
        if (crash) {
            throw new IllegalStateException("asked to fail the batch");
        }
        return new SQSBatchResponse(failures);
    }
}
