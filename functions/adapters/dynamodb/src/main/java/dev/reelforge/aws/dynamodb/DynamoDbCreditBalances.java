package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.credit.CreditBalances;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Credit balances as items of the accounts table: {@code pk} = {@code credits#<owner>} with {@code balance} (a
 * number), an item of its own so that debiting it is one conditional update reachable by its key prefix alone.
 */
public final class DynamoDbCreditBalances implements CreditBalances {

    static final String KEY_PREFIX = "credits#";
    static final String BALANCE = "balance";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbCreditBalances(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<Long> balance(String owner) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(Map.of(DynamoDbAccounts.PK, AttributeValue.fromS(KEY_PREFIX + owner)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(item.get(BALANCE).n()));
    }

    @Override
    public void openIfAbsent(String owner, long credits) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item(owner, credits))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", DynamoDbAccounts.PK)));
        } catch (ConditionalCheckFailedException alreadyOpen) {
            // opened before: the balance it holds is the owner's, not to be reset
        }
    }

    /** The balance's item, put on condition that the owner has none (used when an account is added). */
    static TransactWriteItem newItem(String tableName, String owner, long credits) {
        return TransactWriteItem.builder()
                .put(put -> put.tableName(tableName).item(item(owner, credits))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", DynamoDbAccounts.PK)))
                .build();
    }

    private static Map<String, AttributeValue> item(String owner, long credits) {
        return Map.of(
                DynamoDbAccounts.PK, AttributeValue.fromS(KEY_PREFIX + owner),
                DynamoDbAccounts.KIND, AttributeValue.fromS("credits"),
                DynamoDbAccounts.OWNER, AttributeValue.fromS(owner),
                BALANCE, AttributeValue.fromN(Long.toString(credits)));
    }
}
