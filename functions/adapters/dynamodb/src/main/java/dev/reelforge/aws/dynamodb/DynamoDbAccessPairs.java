package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.Environment;
import dev.reelforge.core.appauth.AccessPairs;
import dev.reelforge.core.appauth.IssuedAccess;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Picovico access pairs as items of the accounts table: {@code pk} = {@code picovicoaccess#<sha256 of the access
 * key>}, with {@code tokenHash} (SHA-256 hex of the access token), {@code owner}, {@code environment},
 * {@code appId} and {@code expires} (Unix seconds, the table's TTL attribute, shared with IBM's tokens). TTL deletes
 * expired items within days, so readers compare {@code expires} with their clock.
 */
public final class DynamoDbAccessPairs implements AccessPairs {

    static final String KEY_PREFIX = "picovicoaccess#";
    static final String TOKEN_HASH = "tokenHash";
    static final String APP_ID = "appId";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbAccessPairs(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void add(IssuedAccess access) {
        dynamoDb.putItem(put -> put.tableName(tableName)
                .item(Map.of(
                        DynamoDbAccounts.PK, AttributeValue.fromS(KEY_PREFIX + access.keyHash()),
                        DynamoDbAccounts.KIND, AttributeValue.fromS("picovicoaccess"),
                        TOKEN_HASH, AttributeValue.fromS(access.tokenHash()),
                        DynamoDbAccounts.OWNER, AttributeValue.fromS(access.owner()),
                        DynamoDbAccounts.ENVIRONMENT, AttributeValue.fromS(access.environment().pathName()),
                        APP_ID, AttributeValue.fromS(access.appId()),
                        DynamoDbOAuthTokens.EXPIRES, AttributeValue.fromN(Long.toString(
                                epochSecondsRoundedUp(access.expires())))))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", DynamoDbAccounts.PK)));
    }

    @Override
    public Optional<IssuedAccess> find(String keyHash) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(Map.of(DynamoDbAccounts.PK, AttributeValue.fromS(KEY_PREFIX + keyHash)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IssuedAccess(keyHash, item.get(TOKEN_HASH).s(), item.get(DynamoDbAccounts.OWNER).s(),
                Environment.fromPathName(item.get(DynamoDbAccounts.ENVIRONMENT).s()).orElseThrow(),
                item.get(APP_ID).s(), Instant.ofEpochSecond(Long.parseLong(item.get(DynamoDbOAuthTokens.EXPIRES).n()))));
    }

    private static long epochSecondsRoundedUp(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }
}
