package dev.reelforge.local;

import dev.reelforge.local.template.BucketDefinition;
import dev.reelforge.local.template.SamTemplate;
import dev.reelforge.local.template.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Creates the tables and buckets template.yaml declares, if they do not exist yet: what CloudFormation
 * does on deploy. Existing ones are left as they are, so state survives restarts.
 */
final class ResourceProvisioner {

    private ResourceProvisioner() {}

    static void provision(SamTemplate template, DynamoDbClient dynamoDb, S3Client s3) {
        for (TableDefinition table : template.tables()) {
            createTable(dynamoDb, table);
        }
        for (BucketDefinition bucket : template.buckets()) {
            createBucket(s3, bucket.bucketName());
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
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Map<String, Object> key : listOfMaps(table.properties().get("KeySchema"))) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(String.valueOf(key.get("AttributeName")))
                    .keyType(String.valueOf(key.get("KeyType")))
                    .build());
        }
        try {
            dynamoDb.createTable(CreateTableRequest.builder()
                    .tableName(table.tableName())
                    .attributeDefinitions(attributes)
                    .keySchema(keys)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .build());
        } catch (ResourceInUseException alreadyThere) {
            // created on an earlier start: keep it and its items
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

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
