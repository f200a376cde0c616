package dev.reelforge.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The error guard of every function that takes a batch of records (a DynamoDB stream, an SQS queue; template.yaml
 * sets {@code ReportBatchItemFailures}): each record is handled on its own; one whose handling throws, an outage of
 * ours rather than a user's mistake (which the use cases answer as an outcome), is logged and reported as a batch
 * item failure, so Lambda delivers it again while the rest of the batch counts as done.
 */
public final class BatchItemFailures {

    private BatchItemFailures() {}

    /** Handles each stream record with {@code handle}, which logs what it did (and skips what is not its business). */
    public static StreamsEventResponse ofStream(DynamodbEvent event, Context context,
            BiConsumer<DynamodbEvent.DynamodbStreamRecord, StructuredLog> handle) {
        StructuredLog log = StructuredLog.of(context);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                handle.accept(record, log);
            } catch (RuntimeException outage) {
                String sequenceNumber = record.getDynamodb().getSequenceNumber();
                log.event("record.failed").outcome("retried").field("eventId", record.getEventID())
                        .field("sequenceNumber", sequenceNumber).failure(outage).error();
                failures.add(new StreamsEventResponse.BatchItemFailure(sequenceNumber));
            }
        }
        return new StreamsEventResponse(failures);
    }

    /** Handles each message with {@code handle}, which logs what it did. */
    public static SQSBatchResponse ofQueue(SQSEvent event, Context context,
            BiConsumer<SQSEvent.SQSMessage, StructuredLog> handle) {
        StructuredLog log = StructuredLog.of(context);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                handle.accept(message, log);
            } catch (RuntimeException outage) {
                log.event("message.failed").outcome("retried").field("messageId", message.getMessageId())
                        .failure(outage).error();
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
