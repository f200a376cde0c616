package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.Environment;
import dev.reelforge.core.video.download.DownloadFormat;
import dev.reelforge.core.video.download.Downloadable;
import dev.reelforge.core.video.download.DownloadableKey;
import dev.reelforge.core.video.download.DownloadableStatus;
import dev.reelforge.core.video.download.Downloadables;
import java.time.Instant;
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
 * Downloadables in a DynamoDB table keyed by {@code owner} (partition) and {@code id} = {@code <videoId>#<format>}
 * (sort): one item per video and format, read with a consistent GetItem; a video's items are a key-condition query
 * ({@code begins_with(id, "<videoId>#")}) within the owner's partition.
 *
 * <p>A request puts a new generation whole (PutItem, so the stream's NEW_IMAGE has it all), on condition that the
 * item is as it was read: absent, or the same {@code generation} and {@code status}. Every later change is an
 * UpdateItem conditional on the generation (and, but for the removal, on {@code pending}), so a late event of an old
 * generation changes nothing. A pending item carries {@code pending}, the key of the sparse global index
 * {@value #PENDING_INDEX} (KEYS_ONLY, by {@code requested}) the stuck sweep reads; every move out of pending removes
 * it. {@code expiresAt} is a Number (Unix seconds, as the Videos API shows it); other times are ISO-8601 strings.
 */
public final class DynamoDbDownloadables implements Downloadables {

    /** The sparse index of pending downloadables by request time (template.yaml, DownloadablesTable). */
    public static final String PENDING_INDEX = "pending-requested";

    static final String OWNER = "owner";
    static final String ID = "id";
    static final String ENVIRONMENT = "environment";
    static final String VIDEO_ID = "videoId";
    static final String FORMAT = "format";
    static final String STATUS = "status";
    static final String GENERATION = "generation";
    static final String REQUESTED = "requested";
    static final String AVAILABLE_AT = "availableAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String DOWNLOAD_URL = "downloadUrl";
    static final String OBJECT_KEY = "objectKey";
    static final String ERROR = "error";
    static final String UPDATED = "updated";
    static final String PENDING = "pending";

    private static final String INDEXED = "1";
    private static final char SEPARATOR = '#';

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbDownloadables(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<Downloadable> find(DownloadableKey key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(key(key))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Downloadable> findForVideo(String owner, UUID videoId) {
        return dynamoDb.queryPaginator(QueryRequest.builder()
                        .tableName(tableName)
                        .keyConditionExpression("#owner = :owner AND begins_with(#id, :video)")
                        .expressionAttributeNames(Map.of("#owner", OWNER, "#id", ID))
                        .expressionAttributeValues(Map.of(":owner", s(owner), ":video", s(videoId.toString() + SEPARATOR)))
                        .consistentRead(true)
                        .build())
                .items().stream()
                .map(DynamoDbDownloadables::fromItem)
                .toList();
    }

    @Override
    public boolean request(Downloadable pending, Optional<Downloadable> previous) {
        if (pending.status() != DownloadableStatus.PENDING) {
            throw new IllegalArgumentException("a request stores a pending generation, not "
                    + pending.status().wireName());
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String condition;
        if (previous.isEmpty()) {
            condition = "attribute_not_exists(#id)";
            names.put("#id", ID);
        } else {
            condition = "#generation = :generation AND #status = :status";
            names.put("#generation", GENERATION);
            names.put("#status", STATUS);
            values.put(":generation", n(previous.get().generation()));
            values.put(":status", s(previous.get().status().wireName()));
        }
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(toItem(pending))
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values.isEmpty() ? null : values));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public boolean markAvailable(DownloadableKey key, long generation, String downloadUrl, Instant availableAt,
            Instant expiresAt) {
        Map<String, AttributeValue> values = pendingCondition(generation);
        values.put(":available", s(DownloadableStatus.AVAILABLE.wireName()));
        values.put(":availableAt", s(ItemTimestamps.format(availableAt)));
        values.put(":expiresAt", n(expiresAt.getEpochSecond()));
        values.put(":downloadUrl", s(downloadUrl));
        values.put(":objectKey", s(Downloadable.objectKey(key, generation)));
        return ConditionalUpdate.apply(dynamoDb, tableName, key(key),
                "SET #status = :available, #availableAt = :availableAt, #expiresAt = :expiresAt,"
                        + " #downloadUrl = :downloadUrl, #objectKey = :objectKey, #updated = :availableAt"
                        + " REMOVE #pending, #error",
                "#status = :pending AND #generation = :generation", values);
    }

    @Override
    public boolean markFailed(DownloadableKey key, long generation, String error, Instant now) {
        Map<String, AttributeValue> values = pendingCondition(generation);
        values.put(":failed", s(DownloadableStatus.FAILED.wireName()));
        values.put(":error", s(error));
        values.put(":now", s(ItemTimestamps.format(now)));
        return ConditionalUpdate.apply(dynamoDb, tableName, key(key),
                "SET #status = :failed, #error = :error, #updated = :now REMOVE #pending",
                "#status = :pending AND #generation = :generation", values);
    }

    @Override
    public boolean markRemoved(DownloadableKey key, long generation, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":removed", s(DownloadableStatus.REMOVED.wireName()));
        values.put(":generation", n(generation));
        values.put(":now", s(ItemTimestamps.format(now)));
        return ConditionalUpdate.apply(dynamoDb, tableName, key(key),
                "SET #status = :removed, #updated = :now REMOVE #pending, #downloadUrl",
                "attribute_exists(#id) AND #generation = :generation AND #status <> :removed", values);
    }

    @Override
    public List<DownloadableKey> pendingSince(Instant cutoff, int limit) {
        return dynamoDb.query(query -> query.tableName(tableName)
                        .indexName(PENDING_INDEX)
                        .keyConditionExpression("#pending = :indexed AND #requested < :cutoff")
                        .expressionAttributeNames(Map.of("#pending", PENDING, "#requested", REQUESTED))
                        .expressionAttributeValues(Map.of(":indexed", s(INDEXED),
                                ":cutoff", s(ItemTimestamps.format(cutoff))))
                        .limit(limit))
                .items().stream()
                .map(item -> keyOf(item.get(OWNER).s(), item.get(ID).s()))
                .toList();
    }

    private static Map<String, AttributeValue> pendingCondition(long generation) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", s(DownloadableStatus.PENDING.wireName()));
        values.put(":generation", n(generation));
        return values;
    }

    /** The item's sort key: {@code <videoId>#<format>}. */
    static String idOf(DownloadableKey key) {
        return key.videoId().toString() + SEPARATOR + key.format().wireName();
    }

    private static DownloadableKey keyOf(String owner, String id) {
        int separator = id.indexOf(SEPARATOR);
        return new DownloadableKey(owner, UUID.fromString(id.substring(0, separator)),
                DownloadFormat.fromWireName(id.substring(separator + 1)).orElseThrow());
    }

    private static Map<String, AttributeValue> key(DownloadableKey key) {
        return Map.of(OWNER, s(key.owner()), ID, s(idOf(key)));
    }

    private static Map<String, AttributeValue> toItem(Downloadable downloadable) {
        Map<String, AttributeValue> item = new HashMap<>(key(downloadable.key()));
        item.put(ENVIRONMENT, s(downloadable.environment().pathName()));
        item.put(VIDEO_ID, s(downloadable.videoId().toString()));
        item.put(FORMAT, s(downloadable.format().wireName()));
        item.put(STATUS, s(downloadable.status().wireName()));
        item.put(GENERATION, n(downloadable.generation()));
        item.put(REQUESTED, s(ItemTimestamps.format(downloadable.requested())));
        item.put(UPDATED, s(ItemTimestamps.format(downloadable.updated())));
        item.put(PENDING, s(INDEXED));
        return item;
    }

    private static Downloadable fromItem(Map<String, AttributeValue> item) {
        DownloadableKey key = keyOf(item.get(OWNER).s(), item.get(ID).s());
        return new Downloadable(key,
                Environment.fromPathName(item.get(ENVIRONMENT).s()).orElseThrow(),
                DownloadableStatus.fromWireName(item.get(STATUS).s()).orElseThrow(),
                Long.parseLong(item.get(GENERATION).n()),
                Instant.parse(item.get(REQUESTED).s()),
                Optional.ofNullable(item.get(AVAILABLE_AT)).map(value -> Instant.parse(value.s())),
                Optional.ofNullable(item.get(EXPIRES_AT)).map(value -> Instant.ofEpochSecond(Long.parseLong(value.n()))),
                Optional.ofNullable(item.get(DOWNLOAD_URL)).map(AttributeValue::s),
                Optional.ofNullable(item.get(ERROR)).map(AttributeValue::s),
                Instant.parse(item.get(UPDATED).s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
