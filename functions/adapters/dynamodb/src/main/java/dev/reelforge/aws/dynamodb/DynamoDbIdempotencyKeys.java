package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.Environment;
import dev.reelforge.core.render.DuplicateRenderException;
import dev.reelforge.core.render.IdempotencyKey;
import dev.reelforge.core.render.IdempotencyKeys;
import dev.reelforge.core.render.IdempotencyRecord;
import dev.reelforge.core.render.Render;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Idempotency keys as items of the renders table, in their owner's partition next to the renders they made:
 * {@code id} = {@code idempotency-key#<environment>#<key>}, with {@code renderId}, {@code requestHash},
 * {@code created} and {@code expires} (Unix seconds, the table's TTL attribute). Such an item has no {@code status}
 * and no {@code pending}, so the stream's filters and the sweeper's index never see it, and a render id (a UUID)
 * can never name it.
 *
 * <p>A key's item and its render are put in one transaction, the key's on condition that it is absent or expired
 * (TTL deletes lazily, within days), the render's that its id is new: both are written or neither. A transaction that
 * loses a race gets the winner's item back from its failed condition; one that collides with a transaction still
 * in progress on the same key is tried again.
 */
public final class DynamoDbIdempotencyKeys implements IdempotencyKeys {

    /** The table's TTL attribute (template.yaml, RendersTable). */
    public static final String EXPIRES = "expires";
    static final String KEY_PREFIX = "idempotency-key#";
    static final String RENDER_ID = "renderId";
    static final String REQUEST_HASH = "requestHash";

    private static final int ATTEMPTS = 8;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String CONFLICT = "TransactionConflict";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbIdempotencyKeys(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<IdempotencyRecord> find(String owner, Environment environment, IdempotencyKey key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(key(owner, environment, key))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(key, item));
    }

    @Override
    public Optional<IdempotencyRecord> addUnlessTaken(Render render, IdempotencyRecord record, Instant now) {
        Map<String, AttributeValue> keyItem = new HashMap<>(key(render.owner(), render.environment(), record.key()));
        keyItem.put(RENDER_ID, AttributeValue.fromS(record.renderId().toString()));
        keyItem.put(REQUEST_HASH, AttributeValue.fromS(record.requestHash()));
        keyItem.put(DynamoDbRenders.CREATED, AttributeValue.fromS(ItemTimestamps.format(now)));
        keyItem.put(EXPIRES, AttributeValue.fromN(Long.toString(epochSecondsRoundedUp(record.expires()))));
        // Live while now < expires; expires is whole seconds, so exactly when it is not above now's whole seconds.
        Put keyPut = Put.builder().tableName(tableName).item(keyItem)
                .conditionExpression("attribute_not_exists(#id) OR #expires <= :now")
                .expressionAttributeNames(Map.of("#id", DynamoDbRenders.ID, "#expires", EXPIRES))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        Put renderPut = Put.builder().tableName(tableName).item(DynamoDbRenders.toItem(render))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", DynamoDbRenders.ID))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(write -> write.transactItems(
                        TransactWriteItem.builder().put(keyPut).build(),
                        TransactWriteItem.builder().put(renderPut).build()));
                return Optional.empty();
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (CONDITION_FAILED.equals(reasons.get(0).code())) {
                    return Optional.of(fromItem(record.key(), reasons.get(0).item()));
                }
                if (CONDITION_FAILED.equals(reasons.get(1).code())) {
                    throw new DuplicateRenderException(render.id());
                }
                boolean conflict = reasons.stream().anyMatch(reason -> CONFLICT.equals(reason.code()));
                if (!conflict || attempt == ATTEMPTS) {
                    throw e;
                }
                pauseBefore(attempt + 1);
            }
        }
    }

    private static void pauseBefore(int attempt) {
        long ceiling = Math.min(10L << attempt, 250);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a submit", e);
        }
    }

    private static long epochSecondsRoundedUp(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }

    private static Map<String, AttributeValue> key(String owner, Environment environment, IdempotencyKey key) {
        return Map.of(DynamoDbRenders.OWNER, AttributeValue.fromS(owner),
                DynamoDbRenders.ID, AttributeValue.fromS(KEY_PREFIX + environment.pathName() + "#" + key.value()));
    }

    private static IdempotencyRecord fromItem(IdempotencyKey key, Map<String, AttributeValue> item) {
        return new IdempotencyRecord(key, item.get(REQUEST_HASH).s(), UUID.fromString(item.get(RENDER_ID).s()),
                Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES).n())));
    }
}
