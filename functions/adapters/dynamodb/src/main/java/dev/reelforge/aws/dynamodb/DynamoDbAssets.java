package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetKey;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.Assets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
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
 * Assets in a DynamoDB table keyed by {@code owner} (partition) and {@code id} (sort): reading an asset
 * by id is one GetItem (consistent read) within its owner's partition.
 *
 * <p>A render's assets are found through the local secondary index {@value #RENDER_INDEX} ({@code owner},
 * {@code renderId}): a key-condition Query within the same partition, which, being a local index, may be
 * read consistently, so an asset is seen by render the moment it is created. The alternatives were worse:
 * a composite sort key ({@code renderId#id}) would make a read by asset id a query instead of a GetItem;
 * a global index cannot be read consistently and would leave the owner's partition; an extra item per render
 * listing its assets would need a transaction on every change. The price of the local index is that it is
 * declared with the table (it cannot be added later) and that one owner's items, index included, are capped
 * at 10 GB, some ten million assets. The index projects every attribute, so a query needs no further reads.
 *
 * <p>Every change is an UpdateItem whose condition names the statuses it may move from
 * ({@link AssetStatus#canMoveTo}), so an asset only moves forward whatever order events arrive in. Assets
 * still importing carry {@code importing}, the key of the sparse global index {@value #IMPORTING_INDEX}
 * the sweeper reads stuck ones from (KEYS_ONLY, like the renders' {@code pending-updated}); every move out
 * of importing removes it. Likewise a deleted asset whose hosted file is still to be removed carries
 * {@code removalDue}, the key of the sparse index {@value #REMOVAL_DUE_INDEX}, until the removal is done.
 */
public final class DynamoDbAssets implements Assets {

    /** The local secondary index of the owner's assets by render (template.yaml, AssetsTable). */
    public static final String RENDER_INDEX = "owner-renderId";
    /** The sparse index of importing assets by last change (template.yaml, AssetsTable). */
    public static final String IMPORTING_INDEX = "importing-updated";
    /** The sparse index of deleted assets whose file is still to be removed, by last change (AssetsTable). */
    public static final String REMOVAL_DUE_INDEX = "removalDue-updated";

    static final String OWNER = "owner";
    static final String ID = "id";
    static final String ENVIRONMENT = "environment";
    static final String REGION = "region";
    static final String RENDER_ID = "renderId";
    static final String FILENAME = "filename";
    static final String URL = "url";
    static final String STATUS = "status";
    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String ERROR = "error";
    /** The hosted file's length in bytes (N), set when the asset becomes ready. */
    static final String SIZE = "size";
    static final String IMPORTING = "importing";
    static final String REMOVAL_DUE = "removalDue";

    /** The one value of the sparse index keys: what matters is whether an item has the attribute. */
    private static final String INDEXED = "1";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbAssets(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean begin(Asset importing) {
        if (importing.status() != AssetStatus.IMPORTING) {
            throw new IllegalArgumentException("an asset begins importing, not " + importing.status().wireName());
        }
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(toItem(importing))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID)));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    @Override
    public Optional<Asset> find(String owner, UUID id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(key(owner, id))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Asset> findForRender(String owner, UUID renderId) {
        return dynamoDb.queryPaginator(QueryRequest.builder()
                        .tableName(tableName)
                        .indexName(RENDER_INDEX)
                        .keyConditionExpression("#owner = :owner AND #renderId = :renderId")
                        .expressionAttributeNames(Map.of("#owner", OWNER, "#renderId", RENDER_ID))
                        .expressionAttributeValues(Map.of(":owner", s(owner), ":renderId", s(renderId.toString())))
                        .consistentRead(true)
                        .build())
                .items().stream()
                .map(DynamoDbAssets::fromItem)
                .sorted(Comparator.comparing(Asset::filename))
                .toList();
    }

    @Override
    public boolean markReady(String owner, UUID id, String url, Optional<Long> size, Instant now) {
        return size.isPresent()
                ? move(owner, id, AssetStatus.READY, "#url = :url, #size = :size",
                        Map.of(":url", s(url), ":size", AttributeValue.fromN(Long.toString(size.get()))), now)
                : move(owner, id, AssetStatus.READY, "#url = :url", Map.of(":url", s(url)), now);
    }

    @Override
    public boolean markFailed(String owner, UUID id, String error, Instant now) {
        return move(owner, id, AssetStatus.FAILED, "#error = :error", Map.of(":error", s(error)), now);
    }

    @Override
    public boolean markDeleted(String owner, UUID id, Instant now) {
        return move(owner, id, AssetStatus.DELETED, "#removalDue = :removalDue", Map.of(":removalDue", s(INDEXED)),
                now);
    }

    @Override
    public boolean markFileRemoved(String owner, UUID id) {
        return ConditionalUpdate.apply(dynamoDb, tableName, key(owner, id), "REMOVE #removalDue",
                "#status = :deleted AND attribute_exists(#removalDue)",
                Map.of(":deleted", s(AssetStatus.DELETED.wireName())));
    }

    @Override
    public List<AssetKey> removalDueSince(Instant cutoff, int limit) {
        return keysIndexedBefore(REMOVAL_DUE_INDEX, REMOVAL_DUE, cutoff, limit);
    }

    @Override
    public List<AssetKey> importingSince(Instant cutoff, int limit) {
        return keysIndexedBefore(IMPORTING_INDEX, IMPORTING, cutoff, limit);
    }

    /** The keys of items in a sparse index (keyed by {@code attribute}) whose last change is before {@code cutoff}. */
    private List<AssetKey> keysIndexedBefore(String index, String attribute, Instant cutoff, int limit) {
        return dynamoDb.query(query -> query.tableName(tableName)
                        .indexName(index)
                        .keyConditionExpression("#indexed = :indexed AND #updated < :cutoff")
                        .expressionAttributeNames(Map.of("#indexed", attribute, "#updated", UPDATED))
                        .expressionAttributeValues(Map.of(":indexed", s(INDEXED),
                                ":cutoff", s(ItemTimestamps.format(cutoff))))
                        .limit(limit))
                .items().stream()
                .map(item -> new AssetKey(item.get(OWNER).s(), UUID.fromString(item.get(ID).s())))
                .toList();
    }

    /**
     * Moves an asset to {@code next} (also setting {@code extraSet}) if it is in a status that may be
     * followed by {@code next}; false when the condition did not hold.
     */
    private boolean move(String owner, UUID id, AssetStatus next, String extraSet, Map<String, AttributeValue> extraValues,
            Instant now) {
        List<AssetStatus> from = Arrays.stream(AssetStatus.values()).filter(status -> status.canMoveTo(next)).toList();
        Map<String, AttributeValue> values = new HashMap<>(extraValues);
        from.forEach(status -> values.put(":s_" + status.wireName(), s(status.wireName())));
        values.put(":next", s(next.wireName()));
        values.put(":now", s(ItemTimestamps.format(now)));
        String update = "SET #status = :next, #updated = :now" + (extraSet == null ? "" : ", " + extraSet)
                + " REMOVE #importing";
        String condition = "attribute_exists(#id) AND #status IN ("
                + String.join(", ", from.stream().map(status -> ":s_" + status.wireName()).toList()) + ")";
        return ConditionalUpdate.apply(dynamoDb, tableName, key(owner, id), update, condition, values);
    }

    private static Map<String, AttributeValue> key(String owner, UUID id) {
        return Map.of(OWNER, s(owner), ID, s(id.toString()));
    }

    static Map<String, AttributeValue> toItem(Asset asset) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(OWNER, s(asset.owner()));
        item.put(ID, s(asset.id().toString()));
        item.put(ENVIRONMENT, s(asset.environment().pathName()));
        item.put(REGION, s(asset.region()));
        item.put(RENDER_ID, s(asset.renderId().toString()));
        item.put(FILENAME, s(asset.filename()));
        item.put(STATUS, s(asset.status().wireName()));
        item.put(CREATED, s(ItemTimestamps.format(asset.created())));
        item.put(UPDATED, s(ItemTimestamps.format(asset.updated())));
        if (asset.status() == AssetStatus.IMPORTING) {
            item.put(IMPORTING, s(INDEXED));
        }
        asset.url().ifPresent(url -> item.put(URL, s(url)));
        asset.error().ifPresent(error -> item.put(ERROR, s(error)));
        asset.size().ifPresent(size -> item.put(SIZE, AttributeValue.fromN(Long.toString(size))));
        return item;
    }

    private static Asset fromItem(Map<String, AttributeValue> item) {
        return new Asset(
                UUID.fromString(item.get(ID).s()),
                item.get(OWNER).s(),
                Environment.fromPathName(item.get(ENVIRONMENT).s()).orElseThrow(),
                item.get(REGION).s(),
                UUID.fromString(item.get(RENDER_ID).s()),
                item.get(FILENAME).s(),
                Optional.ofNullable(item.get(URL)).map(AttributeValue::s),
                AssetStatus.fromWireName(item.get(STATUS).s()).orElseThrow(),
                Instant.parse(item.get(CREATED).s()),
                Instant.parse(item.get(UPDATED).s()),
                Optional.ofNullable(item.get(ERROR)).map(AttributeValue::s),
                Optional.ofNullable(item.get(SIZE)).map(AttributeValue::n).map(Long::parseLong));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
