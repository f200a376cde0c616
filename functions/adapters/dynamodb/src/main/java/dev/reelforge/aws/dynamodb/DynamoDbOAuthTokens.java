package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.Environment;
import dev.reelforge.core.oauth.IssuedToken;
import dev.reelforge.core.oauth.OAuthTokens;
import dev.reelforge.core.oauth.TokenKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Issued IBM OAuth tokens as items of the accounts table: {@code pk} = {@code ibmtoken#<sha256 of the token>}, with
 * {@code tokenKind} ({@code access}|{@code refresh}), {@code owner}, {@code environment}, {@code clientId},
 * {@code managesExpiration}, {@code expires} (Unix seconds, the table's TTL attribute) and, on a refresh token,
 * {@code pairedHash} (its access token's hash). TTL deletes expired items within days, so readers compare
 * {@code expires} with their clock.
 */
public final class DynamoDbOAuthTokens implements OAuthTokens {

    /** The accounts table's TTL attribute (template.yaml, AccountsTable). */
    public static final String EXPIRES = "expires";
    static final String KEY_PREFIX = "ibmtoken#";
    static final String TOKEN_KIND = "tokenKind";
    static final String CLIENT_ID = "clientId";
    static final String PAIRED_HASH = "pairedHash";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbOAuthTokens(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void add(IssuedToken access, IssuedToken refresh) {
        dynamoDb.transactWriteItems(transaction -> transaction.transactItems(newItem(access), newItem(refresh)));
    }

    @Override
    public Optional<IssuedToken> find(String hash) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(key(hash))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IssuedToken(hash, TokenKind.fromWireName(item.get(TOKEN_KIND).s()),
                item.get(DynamoDbAccounts.OWNER).s(),
                Environment.fromPathName(item.get(DynamoDbAccounts.ENVIRONMENT).s()).orElseThrow(),
                item.get(CLIENT_ID).s(), item.get(DynamoDbOAuthClients.MANAGES_EXPIRATION).bool(),
                Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES).n())),
                Optional.ofNullable(item.get(PAIRED_HASH)).map(AttributeValue::s)));
    }

    @Override
    public boolean rotate(String spentRefreshHash, Instant now, IssuedToken access, IssuedToken refresh) {
        TransactWriteItem spend = TransactWriteItem.builder()
                .delete(delete -> delete.tableName(tableName).key(key(spentRefreshHash))
                        .conditionExpression("#kind = :refresh AND #expires > :now")
                        .expressionAttributeNames(Map.of("#kind", TOKEN_KIND, "#expires", EXPIRES))
                        .expressionAttributeValues(Map.of(
                                ":refresh", AttributeValue.fromS(TokenKind.REFRESH.wireName()),
                                ":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))))
                .build();
        try {
            dynamoDb.transactWriteItems(transaction -> transaction.transactItems(spend, newItem(access),
                    newItem(refresh)));
            return true;
        } catch (TransactionCanceledException spentMeanwhile) {
            // the refresh token's condition failed (used, revoked or expired meanwhile) or a concurrent use of
            // the same token is in progress: either way this use does not get a pair
            return false;
        }
    }

    @Override
    public void remove(String hash) {
        dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(key(hash)));
    }

    private TransactWriteItem newItem(IssuedToken token) {
        Map<String, AttributeValue> item = new HashMap<>(key(token.hash()));
        item.put(DynamoDbAccounts.KIND, AttributeValue.fromS("ibmtoken"));
        item.put(TOKEN_KIND, AttributeValue.fromS(token.kind().wireName()));
        item.put(DynamoDbAccounts.OWNER, AttributeValue.fromS(token.owner()));
        item.put(DynamoDbAccounts.ENVIRONMENT, AttributeValue.fromS(token.environment().pathName()));
        item.put(CLIENT_ID, AttributeValue.fromS(token.clientId()));
        item.put(DynamoDbOAuthClients.MANAGES_EXPIRATION, AttributeValue.fromBool(token.managesExpiration()));
        item.put(EXPIRES, AttributeValue.fromN(Long.toString(epochSecondsRoundedUp(token.expires()))));
        token.pairedHash().ifPresent(paired -> item.put(PAIRED_HASH, AttributeValue.fromS(paired)));
        return TransactWriteItem.builder()
                .put(put -> put.tableName(tableName).item(item)
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", DynamoDbAccounts.PK)))
                .build();
    }

    private static Map<String, AttributeValue> key(String hash) {
        return Map.of(DynamoDbAccounts.PK, AttributeValue.fromS(KEY_PREFIX + hash));
    }

    private static long epochSecondsRoundedUp(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }
}
