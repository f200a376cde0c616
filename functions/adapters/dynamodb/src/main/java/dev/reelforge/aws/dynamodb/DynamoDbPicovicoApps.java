package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.Environment;
import dev.reelforge.core.appauth.PicovicoApp;
import dev.reelforge.core.appauth.PicovicoApps;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Picovico apps as items of the accounts table: {@code pk} = {@code picovicoapp#<app_id>}, with {@code owner},
 * {@code environment}, {@code secretHash} (SHA-256 hex of the secret) and {@code created}. Finding an app is one key
 * lookup by its id; the secret itself is never stored.
 */
public final class DynamoDbPicovicoApps implements PicovicoApps {

    static final String KEY_PREFIX = "picovicoapp#";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbPicovicoApps(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<PicovicoApp> findApp(String appId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(Map.of(DynamoDbAccounts.PK, AttributeValue.fromS(KEY_PREFIX + appId)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PicovicoApp(appId, item.get(DynamoDbAccounts.OWNER).s(),
                Environment.fromPathName(item.get(DynamoDbAccounts.ENVIRONMENT).s()).orElseThrow(),
                item.get(DynamoDbOAuthClients.SECRET_HASH).s(),
                Instant.parse(item.get(DynamoDbAccounts.CREATED).s())));
    }

    @Override
    public void addApps(Collection<PicovicoApp> apps) {
        if (apps.isEmpty()) {
            return;
        }
        dynamoDb.transactWriteItems(transaction -> transaction.transactItems(
                apps.stream().map(app -> newItem(tableName, app)).toList()));
    }

    /** The app's item, put on condition that its id is new (also used when an account is added with it). */
    static TransactWriteItem newItem(String tableName, PicovicoApp app) {
        return TransactWriteItem.builder()
                .put(put -> put.tableName(tableName)
                        .item(Map.of(
                                DynamoDbAccounts.PK, AttributeValue.fromS(KEY_PREFIX + app.appId()),
                                DynamoDbAccounts.KIND, AttributeValue.fromS("picovicoapp"),
                                DynamoDbAccounts.OWNER, AttributeValue.fromS(app.owner()),
                                DynamoDbAccounts.ENVIRONMENT, AttributeValue.fromS(app.environment().pathName()),
                                DynamoDbOAuthClients.SECRET_HASH, AttributeValue.fromS(app.secretHash()),
                                DynamoDbAccounts.CREATED, AttributeValue.fromS(app.created().toString())))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", DynamoDbAccounts.PK)))
                .build();
    }
}
