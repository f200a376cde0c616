package dev.reelforge.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.DurableFile;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.StreamEventDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Lambda's event source mapping for a DynamoDB stream, on DynamoDB Local's stream: reads every shard (through its
 * table's {@link TableStreamReader}, shared with the table's other pollers), keeps the records matching the event's
 * filters, delivers them in batches as a {@code DynamodbEvent}, and retries a failed batch (from its first reported
 * item failure) up to the event's retry limit. What was delivered is checkpointed in the data directory
 * ({@code <directory>/<Function>.<Event>.json}, written after each batch delivered), so a restart, even after a kill,
 * loses no record and delivers again at most the batch that was being delivered. A position moved only past records
 * the filters left out is written when the poller next goes idle: after a kill those records are read and left out
 * again, and a table's burst of writes costs each of its pollers one durable write, not one per batch. DynamoDB
 * Local keeps its streams in its database, across restarts. An idle poller reads again as soon as a function that
 * may write to its table has run, or the stack's own client wrote to it ({@link StreamWakeups}), else every ten
 * seconds, and the reader reads the shard only when no poller has in that time.
 */
public final class DynamoDbStreamPoller implements AutoCloseable {

    /**
     * How long an idle poller waits before reading again when no write to its table was announced meanwhile
     * ({@link StreamWakeups}): only a write from another process's client is left to it. Not shorter: each read of a
     * shard costs DynamoDB Local a scan of every stream's records (docs/PERFORMANCE.md).
     */
    static final long IDLE_POLL_MILLIS = 10_000;

    /** How soon a shard whose iterator DynamoDB Local refused is read again ({@link TableStreamReader.Page}). */
    static final long STALE_RETRY_MILLIS = 1000;

    private final TableStreamReader stream;
    private final StreamEventDefinition source;
    private final LocalFunction function;
    private final String region;
    private final String name;
    private final Path checkpointFile;
    private final Consumer<String> log;
    private final Map<String, String> checkpoints = new ConcurrentHashMap<>();
    private final Set<String> finishedShards = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();
    /** Positions moved past filtered-out records only, not yet written (only the poller's thread touches it). */
    private boolean checkpointsUnsaved;
    /** Whether a shard read this turn asked to be read again soon (only the poller's thread touches it). */
    private boolean readAgainSoon;
    private final Thread poller;
    private volatile boolean running = true;

    public DynamoDbStreamPoller(TableStreamReader stream, StreamEventDefinition source, LocalFunction function,
            String region, Path checkpointDirectory, Consumer<String> log) {
        this.stream = stream;
        this.source = source;
        this.function = function;
        this.region = region;
        this.name = function.definition().logicalId() + "." + source.name();
        // one file per event source: two sources of one function writing one file would undo each other's progress
        this.checkpointFile = checkpointDirectory.resolve(name + ".json");
        this.log = log;
        loadCheckpoints(Files.isRegularFile(checkpointFile) ? checkpointFile
                : checkpointDirectory.resolve(function.definition().logicalId() + ".json"));
        this.poller = Thread.ofVirtual().name("stream-" + function.definition().logicalId()).start(this::pollForever);
    }

    /** How many records have been delivered (successfully or given up on) since start. */
    public long delivered() {
        return delivered.get();
    }

    private void pollForever() {
        boolean allFinished = false;
        while (running) {
            boolean busy = false;
            readAgainSoon = false;
            // taken before reading, so that a write during the read wakes the next wait at once
            long seen = stream.wakeups().generation();
            try {
                List<String> shards = stream.shards(allFinished);
                for (String shard : shards) {
                    if (!finishedShards.contains(shard)) {
                        busy |= pollShard(shard, seen);
                    }
                }
                allFinished = shards.stream().allMatch(finishedShards::contains);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.accept("stream of " + function.definition().logicalId() + ": " + e.getMessage());
            }
            if (!busy) {
                if (checkpointsUnsaved) {
                    saveCheckpoints();
                }
                try {
                    stream.wakeups().await(seen, readAgainSoon ? STALE_RETRY_MILLIS : IDLE_POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Delivers the shard's records after this poller's checkpoint, one page of them; true when there were some. */
    private boolean pollShard(String shardId, long seen) {
        TableStreamReader.Page page = stream.read(shardId, name, checkpoints.get(shardId), seen);
        readAgainSoon |= page.readAgainSoon();
        if (page.ended()) {
            finishedShards.add(shardId);
        }
        List<Record> records = page.records();
        for (int from = 0; from < records.size(); from += source.batchSize()) {
            List<Record> batch = records.subList(from, Math.min(records.size(), from + source.batchSize()));
            Delivery delivery = deliver(batch);
            if (delivery == Delivery.STOPPED) {
                // the stack is stopping: not checkpointed, so the next start delivers the batch again
                return false;
            }
            checkpoints.put(shardId, batch.getLast().dynamodb().sequenceNumber());
            if (delivery == Delivery.INVOKED) {
                saveCheckpoints();
            } else {
                checkpointsUnsaved = true;
            }
        }
        return !records.isEmpty();
    }

    /** What became of a batch. */
    private enum Delivery {
        /** The function was invoked with the batch's matching records (and succeeded, or ran out of retries). */
        INVOKED,
        /** The filters left out every record: there was nothing to invoke the function with. */
        NONE_MATCHED,
        /** The poller was closed meanwhile: the invocation it cut short is no failure of the batch. */
        STOPPED
    }

    /** Delivers a batch, retrying a failure up to the event's limit. */
    private Delivery deliver(List<Record> batch) {
        List<ObjectNode> records = new ArrayList<>();
        for (Record record : batch) {
            ObjectNode json = StreamRecords.toLambdaJson(record, stream.streamArn(), region);
            if (source.patterns().isEmpty() || source.patterns().stream().anyMatch(pattern -> EventPattern.matches(pattern, json))) {
                records.add(json);
            }
        }
        if (records.isEmpty()) {
            delivered.addAndGet(batch.size());
            return Delivery.NONE_MATCHED;
        }
        for (int attempt = 0; !records.isEmpty(); attempt++) {
            ObjectNode event = Json.object();
            records.forEach(event.putArray("Records")::add);
            List<String> failedSequences = invoke(event);
            if (failedSequences.isEmpty()) {
                break;
            }
            if (!running) {
                return Delivery.STOPPED;
            }
            if (attempt >= source.maxRetries()) {
                log.accept(function.definition().logicalId() + " failed a stream batch " + (attempt + 1)
                        + " times; its records are skipped");
                break;
            }
            String firstFailed = failedSequences.getFirst();
            int index = 0;
            while (index < records.size()
                    && !records.get(index).path("dynamodb").path("SequenceNumber").asText().equals(firstFailed)) {
                index++;
            }
            records = new ArrayList<>(records.subList(Math.min(index, records.size()), records.size()));
        }
        delivered.addAndGet(batch.size());
        return Delivery.INVOKED;
    }

    /** Invokes the function; returns the sequence numbers to retry from (all, when it failed outright). */
    private List<String> invoke(ObjectNode event) {
        List<String> all = new ArrayList<>();
        event.path("Records").forEach(record -> all.add(record.path("dynamodb").path("SequenceNumber").asText()));
        try {
            Object result = function.invoke(LambdaJson.fromJson(Json.write(event), function.eventType()));
            JsonNode response = Json.MAPPER.readTree(LambdaJson.toJson(result));
            List<String> failed = new ArrayList<>();
            response.path("batchItemFailures").forEach(failure -> failed.add(failure.path("itemIdentifier").asText()));
            return failed;
        } catch (IOException | RuntimeException failure) {
            log.accept(function.definition().logicalId() + " failed on a stream batch: " + failure.getMessage());
            return all;
        }
    }

    /** The checkpoints of {@code file}: this source's, or those an earlier version kept per function. */
    private void loadCheckpoints(Path file) {
        if (Files.isRegularFile(file)) {
            try {
                Json.MAPPER.readTree(Files.readString(file)).properties()
                        .forEach(entry -> checkpoints.put(entry.getKey(), entry.getValue().asText()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    private void saveCheckpoints() {
        ObjectNode json = Json.object();
        new LinkedHashMap<>(checkpoints).forEach(json::put);
        DurableFile.write(checkpointFile, Json.write(json).getBytes(StandardCharsets.UTF_8));
        checkpointsUnsaved = false;
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
