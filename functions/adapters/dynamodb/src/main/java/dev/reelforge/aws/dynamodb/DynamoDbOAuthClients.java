package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.Environment;
import dev.reelforge.core.oauth.OAuthClient;
import dev.reelforge.core.oauth.OAuthClients;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * IBM OAuth clients as items of the accounts table: {@code pk} = {@code ibmclient#<client_id>}, with {@code owner},
 * {@code environment}, {@code secretHash} (SHA-256 hex of the secret), {@code managesExpiration} and
 * {@code created}. Finding a client is one key lookup by its id; the secret itself is never stored.
 */
public final class DynamoDbOAuthClients implements OAuthClients {

    static final String KEY_PREFIX = "ibmclient#";
    static final String SECRET_HASH = "secretHash";
    static final String MANAGES_EXPIRATION = "managesExpiration";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbOAuthClients(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<OAuthClient> findClient(String clientId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(Map.of(DynamoDbAccounts.PK, AttributeValue.fromS(KEY_PREFIX + clientId)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OAuthClient(clientId, item.get(DynamoDbAccounts.OWNER).s(),
                Environment.fromPathName(item.get(DynamoDbAccounts.ENVIRONMENT).s()).orElseThrow(),
                item.get(SECRET_HASH).s(), item.get(MANAGES_EXPIRATION).bool(),
                Instant.parse(item.get(DynamoDbAccounts.CREATED).s())));
    }

    @Override
    public void addClients(Collection<OAuthClient> clients) {
        if (clients.isEmpty()) {
            return;
        }
        dynamoDb.transactWriteItems(transaction -> transaction.transactItems(
                clients.stream().map(client -> newItem(tableName, client)).toList()));
    }

    /** The client's item, put on condition that its id is new (also used when an account is added with it). */
    static TransactWriteItem newItem(String tableName, OAuthClient client) {
        return TransactWriteItem.builder()
                .put(put -> put.tableName(tableName)
                        .item(Map.of(
                                DynamoDbAccounts.PK, AttributeValue.fromS(KEY_PREFIX + client.clientId()),
                                DynamoDbAccounts.KIND, AttributeValue.fromS("ibmclient"),
                                DynamoDbAccounts.OWNER, AttributeValue.fromS(client.owner()),
                                DynamoDbAccounts.ENVIRONMENT, AttributeValue.fromS(client.environment().pathName()),
                                SECRET_HASH, AttributeValue.fromS(client.secretHash()),
                                MANAGES_EXPIRATION, AttributeValue.fromBool(client.managesExpiration()),
                                DynamoDbAccounts.CREATED, AttributeValue.fromS(client.created().toString())))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", DynamoDbAccounts.PK)))
                .build();
    }
}
