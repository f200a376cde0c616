package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.callback.Attempt;
import dev.reelforge.core.callback.Deliveries;
import dev.reelforge.core.callback.Delivery;
import dev.reelforge.core.callback.DeliveryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Callback deliveries in a DynamoDB table keyed by {@code id} (the {@code webhook-id}): the sender and the
 * retry sweep read a delivery by its id alone, with a consistent read, since a queue message names nothing else.
 *
 * <p>Every change is an UpdateItem whose condition is the port's: an attempt is recorded only on a pending
 * delivery that has made exactly one attempt fewer, so copies of one message record it once and a final
 * delivery never moves. Pending deliveries carry {@code due}, the key of the sparse global index
 * {@value #DUE_INDEX} (sorted by {@code nextAttemptAt}) the retry sweep reads; the attempt that makes a
 * delivery final removes it. A render's deliveries, its own and its assets', are found through the global
 * index {@value #RENDER_INDEX} on {@code renderKey} ({@code owner#renderId}: the render id is a UUID of fixed
 * length at the end, so the key is unambiguous whatever the owner), sorted by {@code created}. Both indexes
 * project every attribute, so a query needs no further reads; being global, they are eventually consistent,
 * which a sweep every minute and a listing for people tolerate.
 */
public final class DynamoDbDeliveries implements Deliveries {

    /** The sparse index of pending deliveries by next attempt (template.yaml, DeliveriesTable). */
    public static final String DUE_INDEX = "due-nextAttemptAt";
    /** The index of a render's deliveries by creation (template.yaml, DeliveriesTable). */
    public static final String RENDER_INDEX = "renderKey-created";

    static final String ID = "id";
    static final String OWNER = "owner";
    static final String RENDER_ID = "renderId";
    static final String RENDER_KEY = "renderKey";
    static final String EVENT = "event";
    static final String CALLBACK_URL = "callbackUrl";
    static final String PAYLOAD = "payload";
    static final String STATE = "state";
    static final String ATTEMPTS = "attempts";
    static final String LAST_STATUS = "lastStatus";
    static final String LAST_ERROR = "lastError";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String ENQUEUED = "enqueued";
    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String DUE = "due";

    private static final String DUE_VALUE = DeliveryState.PENDING.wireName();
    /** Fixed width, so that stored timestamps sort as text in the order of time. */

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbDeliveries(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean create(Delivery pending) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(toItem(pending))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID)));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    @Override
    public Optional<Delivery> find(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(key(id))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean recordAttempt(Attempt attempt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", s(DeliveryState.PENDING.wireName()));
        values.put(":previous", n(attempt.number() - 1));
        values.put(":number", n(attempt.number()));
        values.put(":next", s(attempt.next().wireName()));
        values.put(":at", s(ItemTimestamps.format(attempt.at())));
        List<String> set = new ArrayList<>(List.of("#state = :next", "#attempts = :number", "#updated = :at"));
        List<String> remove = new ArrayList<>();
        setOrRemove(set, remove, values, LAST_STATUS, attempt.status().map(DynamoDbDeliveries::n));
        setOrRemove(set, remove, values, LAST_ERROR, attempt.error().map(DynamoDbDeliveries::s));
        setOrRemove(set, remove, values, NEXT_ATTEMPT_AT,
                attempt.nextAttemptAt().map(at -> s(ItemTimestamps.format(at))));
        setOrRemove(set, remove, values, ENQUEUED, attempt.enqueued().map(at -> s(ItemTimestamps.format(at))));
        setOrRemove(set, remove, values, DUE,
                attempt.next() == DeliveryState.PENDING ? Optional.of(s(DUE_VALUE)) : Optional.empty());
        String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return update(attempt.deliveryId(), update,
                "attribute_exists(#id) AND #state = :pending AND #attempts = :previous", values);
    }

    @Override
    public boolean markEnqueued(String id, int attempts, Optional<Instant> previously, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", s(DeliveryState.PENDING.wireName()));
        values.put(":attempts", n(attempts));
        values.put(":at", s(ItemTimestamps.format(at)));
        previously.ifPresent(before -> values.put(":previously", s(ItemTimestamps.format(before))));
        String condition = "attribute_exists(#id) AND #state = :pending AND #attempts = :attempts AND "
                + (previously.isPresent() ? "#enqueued = :previously" : "attribute_not_exists(#enqueued)");
        return update(id, "SET #enqueued = :at", condition, values);
    }

    @Override
    public List<Delivery> findDue(Instant now, Instant enqueuedBefore, int limit) {
        // the filter applies after each page is read, so pages are read until enough pass it
        return dynamoDb.queryPaginator(QueryRequest.builder().tableName(tableName)
                        .indexName(DUE_INDEX)
                        .keyConditionExpression("#due = :due AND #nextAttemptAt <= :now")
                        .filterExpression("attribute_not_exists(#enqueued) OR #enqueued < :enqueuedBefore")
                        .expressionAttributeNames(Map.of("#due", DUE, "#nextAttemptAt", NEXT_ATTEMPT_AT,
                                "#enqueued", ENQUEUED))
                        .expressionAttributeValues(Map.of(":due", s(DUE_VALUE), ":now", s(ItemTimestamps.format(now)),
                                ":enqueuedBefore", s(ItemTimestamps.format(enqueuedBefore))))
                        .limit(limit)
                        .build())
                .items().stream()
                .limit(limit)
                .map(DynamoDbDeliveries::fromItem)
                .toList();
    }

    @Override
    public List<Delivery> listForRender(String owner, UUID renderId) {
        return dynamoDb.queryPaginator(QueryRequest.builder()
                        .tableName(tableName)
                        .indexName(RENDER_INDEX)
                        .keyConditionExpression("#renderKey = :renderKey")
                        .expressionAttributeNames(Map.of("#renderKey", RENDER_KEY))
                        .expressionAttributeValues(Map.of(":renderKey", s(renderKey(owner, renderId))))
                        .build())
                .items().stream()
                .map(DynamoDbDeliveries::fromItem)
                .toList();
    }

    /** Adds {@code name} to the SET list when {@code value} is present, to the REMOVE list otherwise. */
    private static void setOrRemove(List<String> set, List<String> remove, Map<String, AttributeValue> values,
            String name, Optional<AttributeValue> value) {
        if (value.isPresent()) {
            set.add("#" + name + " = :" + name);
            values.put(":" + name, value.get());
        } else {
            remove.add("#" + name);
        }
    }

    private boolean update(String id, String updateExpression, String condition, Map<String, AttributeValue> values) {
        return ConditionalUpdate.apply(dynamoDb, tableName, key(id), updateExpression, condition, values);
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, s(id));
    }

    private static String renderKey(String owner, UUID renderId) {
        return owner + "#" + renderId;
    }

    private static Map<String, AttributeValue> toItem(Delivery delivery) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, s(delivery.id()));
        item.put(OWNER, s(delivery.owner()));
        item.put(RENDER_ID, s(delivery.renderId().toString()));
        item.put(RENDER_KEY, s(renderKey(delivery.owner(), delivery.renderId())));
        item.put(EVENT, s(delivery.event()));
        item.put(CALLBACK_URL, s(delivery.callbackUrl()));
        item.put(PAYLOAD, s(delivery.payload()));
        item.put(STATE, s(delivery.state().wireName()));
        item.put(ATTEMPTS, n(delivery.attempts()));
        delivery.lastStatus().ifPresent(status -> item.put(LAST_STATUS, n(status)));
        delivery.lastError().ifPresent(error -> item.put(LAST_ERROR, s(error)));
        delivery.nextAttemptAt().ifPresent(at -> item.put(NEXT_ATTEMPT_AT, s(ItemTimestamps.format(at))));
        delivery.enqueued().ifPresent(at -> item.put(ENQUEUED, s(ItemTimestamps.format(at))));
        item.put(CREATED, s(ItemTimestamps.format(delivery.created())));
        item.put(UPDATED, s(ItemTimestamps.format(delivery.updated())));
        if (delivery.state() == DeliveryState.PENDING) {
            item.put(DUE, s(DUE_VALUE));
        }
        return item;
    }

    private static Delivery fromItem(Map<String, AttributeValue> item) {
        return new Delivery(
                item.get(ID).s(),
                item.get(OWNER).s(),
                UUID.fromString(item.get(RENDER_ID).s()),
                item.get(EVENT).s(),
                item.get(CALLBACK_URL).s(),
                item.get(PAYLOAD).s(),
                DeliveryState.fromWireName(item.get(STATE).s()).orElseThrow(),
                Integer.parseInt(item.get(ATTEMPTS).n()),
                Optional.ofNullable(item.get(LAST_STATUS)).map(status -> Integer.parseInt(status.n())),
                Optional.ofNullable(item.get(LAST_ERROR)).map(AttributeValue::s),
                Optional.ofNullable(item.get(NEXT_ATTEMPT_AT)).map(at -> Instant.parse(at.s())),
                Optional.ofNullable(item.get(ENQUEUED)).map(at -> Instant.parse(at.s())),
                Instant.parse(item.get(CREATED).s()),
                Instant.parse(item.get(UPDATED).s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}
