package dev.reelforge.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The error guard of every function that takes a batch of records (a DynamoDB stream, an SQS queue; template.yaml
 * sets {@code ReportBatchItemFailures}): each record is handled on its own; one whose handling throws, an outage of
 * ours rather than a user's mistake (which the use cases answer as an outcome), is logged and reported as a batch
 * item failure, so Lambda delivers it again while the rest of the batch counts as done.
 */
public final class BatchItemFailures {

    private BatchItemFailures() {}

    /**
     * Handles each stream record with {@code handle}, which answers what it did (for the log), or nothing for a record
     * that is not its business.
     */
    public static StreamsEventResponse ofStream(DynamodbEvent event, Context context,
            Function<DynamodbEvent.DynamodbStreamRecord, Optional<String>> handle) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                handle.apply(record).ifPresent(done -> context.getLogger().log(done));
            } catch (RuntimeException outage) {
                context.getLogger().log("stream record " + record.getEventID() + " will be retried: " + trace(outage));
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }

    /** Handles each message with {@code handle}, which answers what it did (for the log). */
    public static SQSBatchResponse ofQueue(SQSEvent event, Context context, Function<SQSEvent.SQSMessage, String> handle) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                context.getLogger().log(handle.apply(message));
            } catch (RuntimeException outage) {
                context.getLogger().log("message " + message.getMessageId() + " will be retried: " + trace(outage));
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static String trace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
