package dev.reelforge.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.QueueEventDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's event source mapping for an SQS queue: long-polls the queue, delivers what it receives as an
 * {@code SQSEvent} (records shaped as Lambda sends them) synchronously to the function, and deletes the messages
 * that succeeded: all of them when the function returns, none when it fails, and with
 * {@code ReportBatchItemFailures} all but those its {@code batchItemFailures} name (a failure naming no message of
 * the batch fails the whole batch, as on Lambda). Messages not deleted come back when their visibility timeout ends,
 * and the queue's redrive policy moves them to its dead-letter queue after {@code maxReceiveCount} receives.
 */
public final class SqsQueuePoller implements AutoCloseable {

    /** Lambda waits up to 20 s; a shorter wait lets the stack stop quickly, at one idle request a poll. */
    private static final int WAIT_SECONDS = 2;
    private static final int MAX_PER_RECEIVE = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final QueueEventDefinition source;
    private final LocalFunction function;
    private final String region;
    private final Consumer<String> log;
    private final Thread poller;
    private volatile boolean running = true;

    public SqsQueuePoller(SqsClient sqs, String queueUrl, String queueArn, QueueEventDefinition source,
            LocalFunction function, String region, Consumer<String> log) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.source = source;
        this.function = function;
        this.region = region;
        this.log = log;
        this.poller = Thread.ofVirtual().name("sqs-" + source.name()).start(this::pollForever);
    }

    private void pollForever() {
        while (running) {
            try {
                List<Message> batch = nextBatch();
                if (!batch.isEmpty()) {
                    deliver(batch);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.accept("queue of " + source.name() + ": " + e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Up to a batch of messages: what one long poll brings, topped up until the batching window closes. */
    private List<Message> nextBatch() {
        List<Message> batch = new ArrayList<>(receive(WAIT_SECONDS));
        if (batch.isEmpty() || source.batchingWindow().isZero()) {
            return batch;
        }
        long windowEnds = System.nanoTime() + source.batchingWindow().toNanos();
        while (running && batch.size() < source.batchSize() && System.nanoTime() < windowEnds) {
            int waitSeconds = (int) Math.min(WAIT_SECONDS,
                    Math.max(0, (windowEnds - System.nanoTime()) / 1_000_000_000L));
            List<Message> more = receive(waitSeconds);
            batch.addAll(more);
            if (more.isEmpty() && waitSeconds == 0) {
                break;
            }
        }
        return batch;
    }

    private List<Message> receive(int waitSeconds) {
        return sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                .maxNumberOfMessages(Math.min(MAX_PER_RECEIVE, source.batchSize()))
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .attributeNames(QueueAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    private void deliver(List<Message> batch) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        batch.forEach(message -> records.add(record(message)));
        List<Message> succeeded = succeeded(batch, event);
        for (int from = 0; from < succeeded.size(); from += MAX_PER_RECEIVE) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (Message message : succeeded.subList(from, Math.min(succeeded.size(), from + MAX_PER_RECEIVE))) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(message.messageId())
                        .receiptHandle(message.receiptHandle()).build());
            }
            sqs.deleteMessageBatch(delete -> delete.queueUrl(queueUrl).entries(entries));
        }
    }

    /** The messages of the batch to delete, after invoking the function with it. */
    private List<Message> succeeded(List<Message> batch, ObjectNode event) {
        JsonNode response;
        try {
            Object result = function.invoke(LambdaJson.fromJson(Json.write(event), function.eventType()));
            if (!source.reportBatchItemFailures()) {
                return batch;
            }
            response = Json.MAPPER.readTree(LambdaJson.toJson(result));
        } catch (IOException | RuntimeException failure) {
            log.accept(function.definition().logicalId() + " failed on a batch of " + batch.size() + " SQS messages: "
                    + failure.getMessage());
            return List.of();
        }
        JsonNode failures = response == null ? null : response.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return batch;
        }
        Set<String> ids = new HashSet<>();
        batch.forEach(message -> ids.add(message.messageId()));
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || !id.isTextual() || !ids.contains(id.asText())) {
                log.accept(function.definition().logicalId() + " reported a failure of no message of its batch ("
                        + failure + "): the whole batch failed");
                return List.of();
            }
            failed.add(id.asText());
        }
        return batch.stream().filter(message -> !failed.contains(message.messageId())).toList();
    }

    private ObjectNode record(Message message) {
        ObjectNode record = Json.object();
        record.put("messageId", message.messageId());
        record.put("receiptHandle", message.receiptHandle());
        record.put("body", message.body());
        ObjectNode attributes = record.putObject("attributes");
        message.attributesAsStrings().forEach(attributes::put);
        ObjectNode messageAttributes = record.putObject("messageAttributes");
        message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, messageAttribute(value)));
        record.put("md5OfBody", message.md5OfBody());
        if (message.md5OfMessageAttributes() != null) {
            record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
        }
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", queueArn);
        record.put("awsRegion", region);
        return record;
    }

    private static ObjectNode messageAttribute(MessageAttributeValue value) {
        ObjectNode json = Json.object();
        if (value.stringValue() != null) {
            json.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            json.put("binaryValue", base64(value.binaryValue()));
        }
        ArrayNode strings = json.putArray("stringListValues");
        value.stringListValues().forEach(strings::add);
        ArrayNode binaries = json.putArray("binaryListValues");
        value.binaryListValues().forEach(binary -> binaries.add(base64(binary)));
        json.put("dataType", value.dataType());
        return json;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join((WAIT_SECONDS + 3) * 1_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
