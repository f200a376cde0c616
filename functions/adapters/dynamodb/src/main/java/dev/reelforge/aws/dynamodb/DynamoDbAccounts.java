package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.Environment;
import dev.reelforge.core.account.Account;
import dev.reelforge.core.account.Accounts;
import dev.reelforge.core.account.ApiCredential;
import dev.reelforge.core.account.ApiKeyHash;
import dev.reelforge.core.appauth.PicovicoApp;
import dev.reelforge.core.oauth.OAuthClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Accounts and credentials in one DynamoDB table with a single string key {@code pk}:
 * {@code owner#<owner>} holds the account, {@code apikey#<sha256>} a credential. Authorizing a key is
 * therefore one key lookup by its hash; the key itself is never stored. The same table holds the IBM face's OAuth
 * clients and tokens ({@link DynamoDbOAuthClients}, {@link DynamoDbOAuthTokens}), Picovico's apps and access pairs
 * ({@link DynamoDbPicovicoApps}, {@link DynamoDbAccessPairs}), the credit balances ({@link DynamoDbCreditBalances})
 * and the webhook secrets.
 */
public final class DynamoDbAccounts implements Accounts {

    static final String PK = "pk";
    static final String KIND = "kind";
    static final String OWNER = "owner";
    static final String ENVIRONMENT = "environment";
    static final String CREATED = "created";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbAccounts(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void add(Account account, Collection<ApiCredential> credentials, Collection<OAuthClient> clients,
            Collection<PicovicoApp> apps, long credits) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(newItem(Map.of(
                PK, s(accountKey(account.owner())),
                KIND, s("account"),
                OWNER, s(account.owner()),
                CREATED, s(account.created().toString()))));
        for (ApiCredential credential : credentials) {
            writes.add(newItem(Map.of(
                    PK, s(credentialKey(credential.hash())),
                    KIND, s("apikey"),
                    OWNER, s(credential.owner()),
                    ENVIRONMENT, s(credential.environment().pathName()),
                    CREATED, s(credential.created().toString()))));
        }
        clients.forEach(client -> writes.add(DynamoDbOAuthClients.newItem(tableName, client)));
        apps.forEach(app -> writes.add(DynamoDbPicovicoApps.newItem(tableName, app)));
        writes.add(DynamoDbCreditBalances.newItem(tableName, account.owner(), credits));
        dynamoDb.transactWriteItems(transaction -> transaction.transactItems(writes));
    }

    @Override
    public Optional<Account> find(String owner) {
        return get(accountKey(owner)).map(item ->
                new Account(item.get(OWNER).s(), Instant.parse(item.get(CREATED).s())));
    }

    @Override
    public Optional<ApiCredential> findCredential(ApiKeyHash hash) {
        return get(credentialKey(hash)).map(item -> new ApiCredential(
                hash,
                item.get(OWNER).s(),
                Environment.fromPathName(item.get(ENVIRONMENT).s()).orElseThrow(),
                Instant.parse(item.get(CREATED).s())));
    }

    private Optional<Map<String, AttributeValue>> get(String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(Map.of(PK, s(key)))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private TransactWriteItem newItem(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(put -> put.tableName(tableName)
                        .item(item)
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PK)))
                .build();
    }

    private static String accountKey(String owner) {
        return "owner#" + owner;
    }

    private static String credentialKey(ApiKeyHash hash) {
        return "apikey#" + hash.hex();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
