package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.Environment;
import dev.reelforge.core.upload.Upload;
import dev.reelforge.core.upload.UploadFormat;
import dev.reelforge.core.upload.UploadKind;
import dev.reelforge.core.upload.UploadStatus;
import dev.reelforge.core.upload.Uploads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The owners' photos and music in the projects table, beside their projects: HASH {@code scope}
 * ({@code <owner>#<environment>}), RANGE {@code sk} = {@code photo#<id>} or {@code music#<id>}. Ids begin with their
 * creation time, so a Query on the prefix, backwards, lists them newest first (no index). A pending upload is
 * replaced by its checked self only while it is pending (a conditional put), so its state only moves forward.
 */
public final class DynamoDbUploads implements Uploads {

    private static final String SCOPE = "scope";
    private static final String SK = "sk";
    private static final String ID = "id";
    private static final String OWNER = "owner";
    private static final String ENVIRONMENT = "environment";
    private static final String FORMAT = "format";
    private static final String STATUS = "status";
    private static final String CREATED = "created";
    private static final String BYTES = "bytes";
    private static final String SECONDS = "seconds";
    private static final String ERROR = "error";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbUploads(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void add(Upload upload) {
        dynamoDb.putItem(put -> put.tableName(tableName).item(toItem(upload))
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", SK)));
    }

    @Override
    public Optional<Upload> find(String owner, Environment environment, UploadKind kind, String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(key(owner, environment, kind, id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Optional<Upload> findAnywhere(String owner, UploadKind kind, String id) {
        for (Environment environment : Environment.values()) {
            Optional<Upload> found = find(owner, environment, kind, id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Upload> list(String owner, Environment environment, UploadKind kind, Optional<String> before,
            int limit) {
        String prefix = kind.wireName() + "#";
        String upper = before.map(id -> prefix + id).orElse(prefix + "~");
        List<Upload> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse response = dynamoDb.query(query -> query.tableName(tableName)
                    .keyConditionExpression("#scope = :scope AND #sk BETWEEN :lower AND :upper")
                    .expressionAttributeNames(Map.of("#scope", SCOPE, "#sk", SK))
                    .expressionAttributeValues(Map.of(":scope", s(scope(owner, environment)), ":lower", s(prefix),
                            ":upper", s(upper)))
                    .scanIndexForward(false)
                    .consistentRead(true)
                    .limit(limit + 1)
                    .exclusiveStartKey(exclusiveStart));
            for (Map<String, AttributeValue> item : response.items()) {
                Upload upload = fromItem(item);
                if (before.isEmpty() || !upload.id().equals(before.get())) {
                    found.add(upload);
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    @Override
    public boolean settle(Upload checked) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(toItem(checked))
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", STATUS))
                    .expressionAttributeValues(Map.of(":pending", s(UploadStatus.PENDING.wireName()))));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            return false;
        }
    }

    @Override
    public boolean remove(String owner, Environment environment, UploadKind kind, String id) {
        Map<String, AttributeValue> old = dynamoDb.deleteItem(delete -> delete.tableName(tableName)
                .key(key(owner, environment, kind, id)).returnValues(ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }

    private static String scope(String owner, Environment environment) {
        return owner + "#" + environment.pathName();
    }

    private static Map<String, AttributeValue> key(String owner, Environment environment, UploadKind kind,
            String id) {
        return Map.of(SCOPE, s(scope(owner, environment)), SK, s(kind.wireName() + "#" + id));
    }

    private static Map<String, AttributeValue> toItem(Upload upload) {
        Map<String, AttributeValue> item = new HashMap<>(key(upload.owner(), upload.environment(), upload.kind(),
                upload.id()));
        item.put(ID, s(upload.id()));
        item.put(OWNER, s(upload.owner()));
        item.put(ENVIRONMENT, s(upload.environment().pathName()));
        item.put(FORMAT, s(upload.format().extension()));
        item.put(STATUS, s(upload.status().wireName()));
        item.put(CREATED, n(Long.toString(upload.created().toEpochMilli())));
        upload.bytes().ifPresent(bytes -> item.put(BYTES, n(Long.toString(bytes))));
        upload.seconds().ifPresent(seconds -> item.put(SECONDS, n(Double.toString(seconds))));
        upload.error().ifPresent(error -> item.put(ERROR, s(error)));
        return item;
    }

    private static Upload fromItem(Map<String, AttributeValue> item) {
        return new Upload(item.get(OWNER).s(),
                Environment.fromPathName(item.get(ENVIRONMENT).s()).orElseThrow(),
                item.get(ID).s(),
                UploadFormat.ofExtension(item.get(FORMAT).s()).orElseThrow(),
                UploadStatus.fromWireName(item.get(STATUS).s()).orElseThrow(),
                Instant.ofEpochMilli(Long.parseLong(item.get(CREATED).n())),
                item.containsKey(BYTES) ? OptionalLong.of(Long.parseLong(item.get(BYTES).n())) : OptionalLong.empty(),
                item.containsKey(SECONDS) ? OptionalDouble.of(Double.parseDouble(item.get(SECONDS).n()))
                        : OptionalDouble.empty(),
                Optional.ofNullable(item.get(ERROR)).map(AttributeValue::s));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
