package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.template.DuplicateTemplateException;
import dev.reelforge.core.template.Template;
import dev.reelforge.core.template.TemplateSummary;
import dev.reelforge.core.template.Templates;
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
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Templates in a DynamoDB table keyed by {@code owner} (partition) and {@code id} (sort), the environment an
 * attribute. The local index {@value #CREATED_INDEX} ({@code owner}, {@code created}) holds each template's name,
 * times and environment but not its edit, so listing and counting an owner's templates read small items, newest
 * first, in one partition. The edit is stored as its JSON text (at most a request body, 256 KiB).
 */
public final class DynamoDbTemplates implements Templates {

    /** The local index of an owner's templates by creation (template.yaml, TemplatesTable). */
    public static final String CREATED_INDEX = "owner-created";

    private static final String OWNER = "owner";
    private static final String ID = "id";
    private static final String ENVIRONMENT = "environment";
    private static final String NAME = "name";
    private static final String EDIT = "edit";
    private static final String CREATED = "created";
    private static final String UPDATED = "updated";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbTemplates(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void add(Template template) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(toItem(template))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID)));
        } catch (ConditionalCheckFailedException e) {
            throw new DuplicateTemplateException(template.id());
        }
    }

    @Override
    public Optional<Template> find(String owner, UUID id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(Map.of(OWNER, s(owner), ID, s(id.toString()))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean replace(Template template) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(toItem(template))
                    .conditionExpression("attribute_exists(#id) AND #environment = :environment")
                    .expressionAttributeNames(Map.of("#id", ID, "#environment", ENVIRONMENT))
                    .expressionAttributeValues(Map.of(":environment", s(template.environment().pathName()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean remove(String owner, Environment environment, UUID id) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(tableName)
                    .key(Map.of(OWNER, s(owner), ID, s(id.toString())))
                    .conditionExpression("attribute_exists(#id) AND #environment = :environment")
                    .expressionAttributeNames(Map.of("#id", ID, "#environment", ENVIRONMENT))
                    .expressionAttributeValues(Map.of(":environment", s(environment.pathName()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<TemplateSummary> list(String owner, Environment environment, int limit) {
        List<TemplateSummary> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamoDb.query(byOwner(owner, environment, start,
                            Map.of("#id", ID, "#name", NAME, "#created", CREATED, "#updated", UPDATED))
                    .projectionExpression("#id, #name, #created, #updated")
                    .build());
            for (Map<String, AttributeValue> item : response.items()) {
                found.add(new TemplateSummary(UUID.fromString(item.get(ID).s()), item.get(NAME).s(),
                        Instant.parse(item.get(CREATED).s()), Instant.parse(item.get(UPDATED).s())));
            }
            start = nextPage(response);
        } while (start != null && found.size() < limit);
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    @Override
    public int count(String owner, Environment environment) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamoDb.query(byOwner(owner, environment, start, Map.of()).select(Select.COUNT).build());
            count += response.count();
            start = nextPage(response);
        } while (start != null);
        return count;
    }

    /** The owner's templates of one environment, newest first, from the index that leaves their edits out. */
    private QueryRequest.Builder byOwner(String owner, Environment environment, Map<String, AttributeValue> start,
            Map<String, String> projected) {
        Map<String, String> names = new HashMap<>(projected);
        names.put("#owner", OWNER);
        names.put("#environment", ENVIRONMENT);
        return QueryRequest.builder().tableName(tableName).indexName(CREATED_INDEX)
                .keyConditionExpression("#owner = :owner")
                .filterExpression("#environment = :environment")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":owner", s(owner), ":environment", s(environment.pathName())))
                .scanIndexForward(false)
                .consistentRead(true)
                .exclusiveStartKey(start);
    }

    private static Map<String, AttributeValue> nextPage(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey() : null;
    }

    private static Map<String, AttributeValue> toItem(Template template) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(OWNER, s(template.owner()));
        item.put(ID, s(template.id().toString()));
        item.put(ENVIRONMENT, s(template.environment().pathName()));
        item.put(NAME, s(template.name()));
        item.put(EDIT, s(Json.write(template.edit())));
        item.put(CREATED, s(ItemTimestamps.format(template.created())));
        item.put(UPDATED, s(ItemTimestamps.format(template.updated())));
        return item;
    }

    private static Template fromItem(Map<String, AttributeValue> item) {
        return new Template(UUID.fromString(item.get(ID).s()), item.get(OWNER).s(),
                Environment.fromPathName(item.get(ENVIRONMENT).s()).orElseThrow(), item.get(NAME).s(),
                Json.parseTrusted(item.get(EDIT).s()), Instant.parse(item.get(CREATED).s()),
                Instant.parse(item.get(UPDATED).s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
