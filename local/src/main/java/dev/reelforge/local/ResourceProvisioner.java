package dev.reelforge.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.template.BucketDefinition;
import dev.reelforge.local.template.QueueDefinition;
import dev.reelforge.local.template.SamTemplate;
import dev.reelforge.local.template.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates the tables (keys, global and local indexes, streams), buckets and queues template.yaml declares, if they do
 * not exist yet: what CloudFormation does on deploy. Existing ones keep their contents, so state survives restarts; an
 * existing queue takes the template's attributes, as a CloudFormation update would.
 */
final class ResourceProvisioner {

    private ResourceProvisioner() {}

    /** The queue properties that are SQS attributes of the same name and meaning. */
    private static final List<String> QUEUE_ATTRIBUTES = List.of("VisibilityTimeout", "MessageRetentionPeriod",
            "DelaySeconds", "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds");

    static void provision(SamTemplate template, DynamoDbClient dynamoDb, S3Client s3) {
        for (TableDefinition table : template.tables()) {
            createTable(dynamoDb, table);
        }
        for (BucketDefinition bucket : template.buckets()) {
            createBucket(s3, bucket.bucketName());
        }
    }

    static void provisionQueues(SamTemplate template, SqsClient sqs) {
        for (QueueDefinition queue : deadLetterQueuesFirst(template.queues())) {
            createQueue(sqs, queue);
        }
    }

    /** A queue's redrive policy names its dead-letter queue, which must exist before it. */
    private static List<QueueDefinition> deadLetterQueuesFirst(List<QueueDefinition> queues) {
        Set<String> deadLetterArns = queues.stream()
                .map(queue -> deadLetterArnOf(queue.properties()))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<QueueDefinition> ordered = new ArrayList<>();
        queues.stream().filter(queue -> deadLetterArns.contains(queue.arn())).forEach(ordered::add);
        queues.stream().filter(queue -> !deadLetterArns.contains(queue.arn())).forEach(ordered::add);
        return ordered;
    }

    private static String deadLetterArnOf(Map<String, Object> queueProperties) {
        return queueProperties.get("RedrivePolicy") instanceof Map<?, ?> policy
                && policy.get("deadLetterTargetArn") != null ? String.valueOf(policy.get("deadLetterTargetArn")) : null;
    }

    private static void createQueue(SqsClient sqs, QueueDefinition queue) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : QUEUE_ATTRIBUTES) {
            if (queue.properties().get(name) != null) {
                attributes.put(name, String.valueOf(queue.properties().get(name)));
            }
        }
        if (queue.properties().get("RedrivePolicy") instanceof Map<?, ?> policy) {
            ObjectNode json = Json.object();
            policy.forEach((name, value) -> json.put(String.valueOf(name), String.valueOf(value)));
            attributes.put("RedrivePolicy", Json.write(json));
        }
        if (Boolean.parseBoolean(String.valueOf(queue.properties().get("FifoQueue")))) {
            throw new IllegalStateException(queue.logicalId() + ": the embedded stack has no FIFO queues");
        }
        try {
            String url = sqs.getQueueUrl(get -> get.queueName(queue.queueName())).queueUrl();
            if (!attributes.isEmpty()) {
                sqs.setQueueAttributes(set -> set.queueUrl(url).attributesWithStrings(attributes));
            }
        } catch (QueueDoesNotExistException missing) {
            sqs.createQueue(create -> create.queueName(queue.queueName()).attributesWithStrings(attributes));
        }
    }

    private static void createTable(DynamoDbClient dynamoDb, TableDefinition table) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Map<String, Object> attribute : listOfMaps(table.properties().get("AttributeDefinitions"))) {
            attributes.add(AttributeDefinition.builder()
                    .attributeName(String.valueOf(attribute.get("AttributeName")))
                    .attributeType(String.valueOf(attribute.get("AttributeType")))
                    .build());
        }
        List<KeySchemaElement> keys = keySchema(table.properties());
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Map<String, Object> index : listOfMaps(table.properties().get("GlobalSecondaryIndexes"))) {
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(String.valueOf(index.get("IndexName")))
                    .keySchema(keySchema(index))
                    .projection(projection(index))
                    .build());
        }
        List<LocalSecondaryIndex> localIndexes = new ArrayList<>();
        for (Map<String, Object> index : listOfMaps(table.properties().get("LocalSecondaryIndexes"))) {
            localIndexes.add(LocalSecondaryIndex.builder()
                    .indexName(String.valueOf(index.get("IndexName")))
                    .keySchema(keySchema(index))
                    .projection(projection(index))
                    .build());
        }
        Object streamViewType = table.properties().get("StreamSpecification") instanceof Map<?, ?> stream
                ? stream.get("StreamViewType") : null;
        CreateTableRequest.Builder create = CreateTableRequest.builder()
                .tableName(table.tableName())
                .attributeDefinitions(attributes)
                .keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!indexes.isEmpty()) {
            create.globalSecondaryIndexes(indexes);
        }
        if (!localIndexes.isEmpty()) {
            create.localSecondaryIndexes(localIndexes);
        }
        if (streamViewType != null) {
            create.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(String.valueOf(streamViewType)).build());
        }
        try {
            dynamoDb.createTable(create.build());
        } catch (ResourceInUseException alreadyThere) {
            catchUp(dynamoDb, table.tableName(), attributes, indexes, streamViewType);
        }
    }

    /**
     * A table made by an older template.yaml keeps its items and gains what the template added since: its
     * stream and its global indexes, as a CloudFormation update would give it. Local indexes exist only from
     * the table's creation (CloudFormation would replace the table), so they are never added here.
     */
    private static void catchUp(DynamoDbClient dynamoDb, String tableName, List<AttributeDefinition> attributes,
            List<GlobalSecondaryIndex> indexes, Object streamViewType) {
        TableDescription existing = dynamoDb.describeTable(describe -> describe.tableName(tableName)).table();
        if (streamViewType != null && (existing.streamSpecification() == null
                || !Boolean.TRUE.equals(existing.streamSpecification().streamEnabled()))) {
            dynamoDb.updateTable(update -> update.tableName(tableName).streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType(String.valueOf(streamViewType)).build()));
        }
        List<String> present = existing.hasGlobalSecondaryIndexes()
                ? existing.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).toList()
                : List.of();
        for (GlobalSecondaryIndex index : indexes) {
            if (!present.contains(index.indexName())) {
                dynamoDb.updateTable(update -> update.tableName(tableName)
                        .attributeDefinitions(attributes)
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .create(CreateGlobalSecondaryIndexAction.builder()
                                        .indexName(index.indexName())
                                        .keySchema(index.keySchema())
                                        .projection(index.projection())
                                        .build())
                                .build()));
            }
        }
    }

    private static void createBucket(S3Client s3, String bucket) {
        try {
            s3.headBucket(head -> head.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            try {
                s3.createBucket(create -> create.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException raced) {
                // created meanwhile
            }
        }
    }

    /** The {@code KeySchema} of a table or an index. */
    private static List<KeySchemaElement> keySchema(Map<String, Object> tableOrIndex) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Map<String, Object> key : listOfMaps(tableOrIndex.get("KeySchema"))) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(String.valueOf(key.get("AttributeName")))
                    .keyType(String.valueOf(key.get("KeyType")))
                    .build());
        }
        return keys;
    }

    private static Projection projection(Map<String, Object> index) {
        Map<?, ?> projection = (Map<?, ?>) index.get("Projection");
        Projection.Builder built = Projection.builder().projectionType(String.valueOf(projection.get("ProjectionType")));
        if (projection.get("NonKeyAttributes") instanceof List<?> attributes) {
            built.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
        }
        return built.build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
