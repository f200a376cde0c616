package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.callback.WebhookSecret;
import dev.reelforge.core.callback.WebhookSecrets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Owners' webhook secrets in the accounts table, one item per owner under {@code webhooksecret#<owner>}:
 * {@code current}, and during a rotation {@code previous} with {@code previousUntil}. The secrets sign callbacks,
 * so they are kept as they are (the table is encrypted at rest); an owner without one gets one on first use,
 * created with a conditional put so that two first uses agree on it.
 */
public final class DynamoDbWebhookSecrets implements WebhookSecrets {

    private static final String CURRENT = "current";
    private static final String PREVIOUS = "previous";
    private static final String PREVIOUS_UNTIL = "previousUntil";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final SecureRandom random;

    public DynamoDbWebhookSecrets(DynamoDbClient dynamoDb, String tableName, SecureRandom random) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.random = random;
    }

    @Override
    public List<WebhookSecret> active(String owner, Instant now) {
        Map<String, AttributeValue> item = itemOf(owner);
        List<WebhookSecret> active = new ArrayList<>();
        active.add(secret(item.get(CURRENT)));
        if (item.containsKey(PREVIOUS) && now.isBefore(Instant.parse(item.get(PREVIOUS_UNTIL).s()))) {
            active.add(secret(item.get(PREVIOUS)));
        }
        return active;
    }

    @Override
    public void rotate(String owner, WebhookSecret next, Instant previousUntil) {
        while (true) {
            String current = itemOf(owner).get(CURRENT).s();
            try {
                dynamoDb.updateItem(update -> update.tableName(tableName)
                        .key(key(owner))
                        .updateExpression("SET #current = :next, #previous = :current, #until = :until")
                        .conditionExpression("#current = :current")
                        .expressionAttributeNames(Map.of("#current", CURRENT, "#previous", PREVIOUS,
                                "#until", PREVIOUS_UNTIL))
                        .expressionAttributeValues(Map.of(":next", AttributeValue.fromS(next.value()),
                                ":current", AttributeValue.fromS(current),
                                ":until", AttributeValue.fromS(previousUntil.toString()))));
                return;
            } catch (ConditionalCheckFailedException rotatedMeanwhile) {
                // another rotation won: rotate from the secret it made current
            }
        }
    }

    private Map<String, AttributeValue> itemOf(String owner) {
        return find(owner).orElseGet(() -> {
            Map<String, AttributeValue> created = Map.of(DynamoDbAccounts.PK, key(owner).get(DynamoDbAccounts.PK),
                    DynamoDbAccounts.KIND, AttributeValue.fromS("webhooksecret"),
                    DynamoDbAccounts.OWNER, AttributeValue.fromS(owner),
                    CURRENT, AttributeValue.fromS(WebhookSecret.generate(random).value()));
            try {
                dynamoDb.putItem(put -> put.tableName(tableName).item(created)
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", DynamoDbAccounts.PK)));
                return created;
            } catch (ConditionalCheckFailedException createdMeanwhile) {
                return find(owner).orElseThrow();
            }
        });
    }

    private Optional<Map<String, AttributeValue>> find(String owner) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName).key(key(owner))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> key(String owner) {
        return Map.of(DynamoDbAccounts.PK, AttributeValue.fromS("webhooksecret#" + owner));
    }

    private static WebhookSecret secret(AttributeValue value) {
        return WebhookSecret.parse(value.s())
                .orElseThrow(() -> new IllegalStateException("a stored webhook secret is not a whsec_ secret"));
    }
}
