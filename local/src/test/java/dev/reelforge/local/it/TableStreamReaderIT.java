package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.events.StreamWakeups;
import dev.reelforge.local.events.TableStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One table's stream read once for all its pollers, on DynamoDB Local: each poller gets every record after its own
 * position, however many pollers ask, and the shard is read again only when something may have been written. Reads
 * are counted by an interceptor on the real streams client; each test has a table of its own.
 */
class TableStreamReaderIT {

    private static final AtomicInteger getRecordsCalls = new AtomicInteger();
    private static DynamoDbClient dynamoDb;
    private static DynamoDbStreamsClient streams;
    private final List<String> tables = new ArrayList<>();

    @BeforeAll
    static void connect() {
        var services = SharedStack.get().services();
        dynamoDb = services.dynamoDb();
        streams = DynamoDbStreamsClient.builder()
                .endpointOverride(services.endpoints().dynamoDb())
                .region(Region.US_EAST_1)
                .credentialsProvider(LocalCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if ("GetRecords".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                            getRecordsCalls.incrementAndGet();
                        }
                    }
                }))
                .build();
    }

    @AfterAll
    static void disconnect() {
        streams.close();
    }

    @AfterEach
    void dropTables() {
        tables.forEach(table -> dynamoDb.deleteTable(delete -> delete.tableName(table)));
    }

    /** A new table with a stream, and a reader of it. */
    private Table table(StreamWakeups wakeups) {
        String name = "stream-reader-" + UUID.randomUUID();
        String streamArn = dynamoDb.createTable(create -> create.tableName(name)
                .attributeDefinitions(definition -> definition.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(key -> key.attributeName("id").keyType(KeyType.HASH))
                .billingMode("PAY_PER_REQUEST")
                .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                .tableDescription().latestStreamArn();
        tables.add(name);
        return new Table(name, new TableStreamReader(streams, streamArn, wakeups));
    }

    private record Table(String name, TableStreamReader reader) {

        void put(String id) {
            dynamoDb.putItem(put -> put.tableName(name).item(Map.of("id", AttributeValue.fromS(id))));
        }

        String shard() {
            return reader.shards(true).getFirst();
        }
    }

    private static List<String> ids(TableStreamReader.Page page) {
        return page.records().stream().map(Record::dynamodb).map(change -> change.keys().get("id").s()).toList();
    }

    private static String lastSequence(TableStreamReader.Page page) {
        return page.records().getLast().dynamodb().sequenceNumber();
    }

    @Test
    void pollersAtDifferentPositionsEachGetEveryRecordAfterTheirOwnFromOneReadPerWrite() {
        StreamWakeups wakeups = new StreamWakeups();
        Table table = table(wakeups);
        table.put("first");
        table.put("second");
        String shard = table.shard();

        wakeups.wake();
        long seen = wakeups.generation();
        int before = getRecordsCalls.get();
        TableStreamReader.Page worker = table.reader().read(shard, "worker", null, seen);
        TableStreamReader.Page callbacks = table.reader().read(shard, "callbacks", null, seen);
        assertThat(ids(worker)).containsExactly("first", "second");
        assertThat(ids(callbacks)).containsExactly("first", "second");
        assertThat(getRecordsCalls.get() - before).isEqualTo(1);

        // the worker has delivered the first record only, the callbacks poller both
        String workerAt = worker.records().getFirst().dynamodb().sequenceNumber();
        String callbacksAt = lastSequence(callbacks);
        table.put("third");
        wakeups.wake();
        seen = wakeups.generation();
        before = getRecordsCalls.get();
        assertThat(ids(table.reader().read(shard, "worker", workerAt, seen))).containsExactly("second");
        assertThat(ids(table.reader().read(shard, "callbacks", callbacksAt, seen))).containsExactly("third");
        assertThat(ids(table.reader().read(shard, "worker", callbacksAt, seen))).containsExactly("third");
        assertThat(getRecordsCalls.get() - before).isEqualTo(1);
    }

    @Test
    void aShardIsReadAgainOnlyOnceAFunctionThatMayHaveWrittenToItHasRun() {
        StreamWakeups wakeups = new StreamWakeups();
        Table table = table(wakeups);
        table.put("earlier");
        String shard = table.shard();
        List<Record> earlier = drain(table, shard, "only", wakeups);
        String position = earlier.getLast().dynamodb().sequenceNumber();

        table.put("unannounced");
        int before = getRecordsCalls.get();
        assertThat(table.reader().read(shard, "only", position, wakeups.generation()).records()).isEmpty();
        assertThat(getRecordsCalls.get()).isEqualTo(before);

        wakeups.wake();
        assertThat(ids(table.reader().read(shard, "only", position, wakeups.generation())))
                .containsExactly("unannounced");
        assertThat(getRecordsCalls.get() - before).isEqualTo(1);
    }

    @Test
    void aFullPageIsFollowedByAnotherReadAndAShorterOneByNoneUntilAWakeUp() {
        StreamWakeups wakeups = new StreamWakeups();
        Table table = table(wakeups);
        int written = TableStreamReader.PAGE_LIMIT + 20;
        for (int i = 0; i < written; i++) {
            table.put("item-" + i);
        }
        String shard = table.shard();
        wakeups.wake();
        long seen = wakeups.generation();
        int before = getRecordsCalls.get();

        TableStreamReader.Page first = table.reader().read(shard, "only", null, seen);
        TableStreamReader.Page second = table.reader().read(shard, "only", lastSequence(first), seen);
        TableStreamReader.Page third = table.reader().read(shard, "only", lastSequence(second), seen);

        assertThat(first.records()).hasSize(TableStreamReader.PAGE_LIMIT);
        assertThat(ids(second)).hasSize(20).last().isEqualTo("item-" + (written - 1));
        assertThat(third.records()).isEmpty();
        assertThat(getRecordsCalls.get() - before).as("GetRecords calls").isEqualTo(2);

        table.put("after");
        wakeups.wake();
        assertThat(ids(table.reader().read(shard, "only", lastSequence(second), wakeups.generation())))
                .containsExactly("after");
        assertThat(getRecordsCalls.get() - before).as("GetRecords calls").isEqualTo(3);
    }

    @Test
    void theFirstRecordOfAShardReadEmptyIsReadAfterItsWakeUpOrASecondLaterIfDynamoDbLocalRefusedTheIterator()
            throws InterruptedException {
        StreamWakeups wakeups = new StreamWakeups();
        Table table = table(wakeups);
        String shard = table.shard();
        assertThat(table.reader().read(shard, "only", null, wakeups.generation()).records()).isEmpty();

        table.put("first");
        wakeups.wake();
        TableStreamReader.Page page = table.reader().read(shard, "only", null, wakeups.generation());
        // DynamoDB Local may answer "trimmed" for an iterator taken right after a shard's first record: the page
        // then says to read again soon, and a read after that interval, with no new wake-up, finds the record
        for (int retry = 0; page.records().isEmpty() && page.readAgainSoon() && retry < 30; retry++) {
            Thread.sleep(1_100);
            page = table.reader().read(shard, "only", null, wakeups.generation());
        }

        assertThat(ids(page)).containsExactly("first");
    }

    @Test
    void aPollerBehindWhatTheReaderHoldsGetsWhatFollowsItsCheckpoint() {
        StreamWakeups wakeups = new StreamWakeups();
        Table table = table(wakeups);
        table.put("before-restart-1");
        table.put("before-restart-2");
        String shard = table.shard();
        List<Record> all = drain(table, shard, "ahead", wakeups);
        assertThat(all).hasSize(2);

        // "ahead" has passed both, so the reader holds neither; a poller restarted from the first one's checkpoint
        // still gets the second
        String checkpoint = all.getFirst().dynamodb().sequenceNumber();
        assertThat(ids(table.reader().read(shard, "restarted", checkpoint, wakeups.generation())))
                .containsExactly("before-restart-2");
    }

    /** Every record of the shard from its start, read as one poller reads them, page after page. */
    private static List<Record> drain(Table table, String shard, String poller, StreamWakeups wakeups) {
        List<Record> all = new ArrayList<>();
        TableStreamReader.Page page = table.reader().read(shard, poller, null, wakeups.generation());
        while (!page.records().isEmpty()) {
            all.addAll(page.records());
            page = table.reader().read(shard, poller, lastSequence(page), wakeups.generation());
        }
        return all;
    }
}
