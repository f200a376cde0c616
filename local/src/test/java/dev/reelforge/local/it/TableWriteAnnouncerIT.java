package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.local.LocalClients;
import dev.reelforge.local.events.StreamWakeups;
import dev.reelforge.local.events.TableWriteAnnouncer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The stack's own DynamoDB client announces its writes to the written table's stream pollers, on DynamoDB Local:
 * every kind of item write wakes the table's pollers, and a read, a write that failed, or a write to another table
 * does not.
 */
class TableWriteAnnouncerIT {

    private static DynamoDbClient plain;
    private static DynamoDbClient announcing;
    private static final TableWriteAnnouncer announcer = new TableWriteAnnouncer();
    private final List<String> tables = new ArrayList<>();

    @BeforeAll
    static void connect() {
        var endpoint = SharedStack.get().services().endpoints().dynamoDb();
        plain = LocalClients.dynamoDb(endpoint);
        announcing = LocalClients.dynamoDb(endpoint, List.of(announcer));
    }

    @AfterAll
    static void disconnect() {
        plain.close();
        announcing.close();
    }

    @AfterEach
    void dropTables() {
        tables.forEach(table -> plain.deleteTable(delete -> delete.tableName(table)));
    }

    private String table() {
        String name = "announced-" + UUID.randomUUID();
        plain.createTable(create -> create.tableName(name)
                .attributeDefinitions(definition -> definition.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(key -> key.attributeName("id").keyType(KeyType.HASH))
                .billingMode("PAY_PER_REQUEST")
                .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        tables.add(name);
        return name;
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    @Test
    void everyKindOfItemWriteWakesTheWrittenTablesPollersOnce() {
        String table = table();
        String other = table();
        StreamWakeups wakeups = new StreamWakeups();
        StreamWakeups otherWakeups = new StreamWakeups();
        announcer.announceTo(Map.of(table, wakeups, other, otherWakeups));

        announcing.putItem(put -> put.tableName(table).item(item("put")));
        assertThat(wakeups.generation()).as("after a PutItem").isEqualTo(1);
        announcing.updateItem(update -> update.tableName(table).key(item("put"))
                .updateExpression("SET #n = :n").expressionAttributeNames(Map.of("#n", "n"))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))));
        assertThat(wakeups.generation()).as("after an UpdateItem").isEqualTo(2);
        announcing.deleteItem(delete -> delete.tableName(table).key(item("put")));
        assertThat(wakeups.generation()).as("after a DeleteItem").isEqualTo(3);
        announcing.batchWriteItem(batch -> batch.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(put -> put.item(item("batch-1"))).build(),
                WriteRequest.builder().putRequest(put -> put.item(item("batch-2"))).build()))));
        assertThat(wakeups.generation()).as("after a BatchWriteItem of two items").isEqualTo(4);
        announcing.transactWriteItems(transact -> transact.transactItems(
                TransactWriteItem.builder().put(put -> put.tableName(table).item(item("transact"))).build(),
                TransactWriteItem.builder().put(put -> put.tableName(other).item(item("transact"))).build()));
        assertThat(wakeups.generation()).as("after a TransactWriteItems").isEqualTo(5);
        assertThat(otherWakeups.generation()).as("the other table's, after the TransactWriteItems").isEqualTo(1);
    }

    @Test
    void aReadAFailedWriteAndAnotherClientsWriteWakeNothing() {
        String table = table();
        StreamWakeups wakeups = new StreamWakeups();
        announcer.announceTo(Map.of(table, wakeups));
        plain.putItem(put -> put.tableName(table).item(item("seeded")));

        announcing.getItem(get -> get.tableName(table).key(item("seeded")).consistentRead(true));
        assertThatThrownBy(() -> announcing.putItem(put -> put.tableName(table).item(item("seeded"))
                .conditionExpression("attribute_not_exists(id)")))
                .isInstanceOf(ConditionalCheckFailedException.class);

        assertThat(wakeups.generation()).isZero();
    }
}
