package dev.reelforge.local;

import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.aws.dynamodb.DynamoDbCreditBalances;
import dev.reelforge.aws.dynamodb.DynamoDbOAuthClients;
import dev.reelforge.aws.dynamodb.DynamoDbPicovicoApps;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.ApiKey;
import dev.reelforge.core.account.CreateAccount;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.core.account.CreatedAccount;
import dev.reelforge.core.appauth.AddPicovicoApps;
import dev.reelforge.core.appauth.AddPicovicoAppsCommand;
import dev.reelforge.core.appauth.AppSecret;
import dev.reelforge.core.appauth.CreatedApp;
import dev.reelforge.core.oauth.AddOAuthClients;
import dev.reelforge.core.oauth.AddOAuthClientsCommand;
import dev.reelforge.core.oauth.ClientSecret;
import dev.reelforge.core.oauth.CreatedClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The account the embedded stack seeds for its developer. Its keys and its IBM clients' secrets exist in clear only
 * in local.json; on a restart with the same data directory they are reused if the accounts table still knows them.
 * An account made before IBM's face existed (no clients in local.json or the table) gets its clients on the next
 * start, as a new account would: one per environment, each allowed to manage expiration. Likewise an account made
 * before Picovico's face gets its apps (one per environment) and its opening credit balance on the next start.
 */
final class DevelopmentAccount {

    private DevelopmentAccount() {}

    static CreatedAccount ensure(DynamoDbAccounts accounts, DynamoDbOAuthClients clients, DynamoDbPicovicoApps apps,
            DynamoDbCreditBalances balances, Optional<LocalDescriptor> previous, Clock clock) {
        return previous.filter(descriptor -> stillValid(accounts, descriptor))
                .map(descriptor -> {
                    Map<Environment, ApiKey> keys = new EnumMap<>(Environment.class);
                    descriptor.apiKeys().forEach((environment, key) -> keys.put(environment, new ApiKey(key)));
                    balances.openIfAbsent(descriptor.owner(), CreateAccountCommand.STARTING_CREDITS);
                    return new CreatedAccount(descriptor.owner(), keys, ibmClients(clients, descriptor, clock),
                            picovicoApps(apps, descriptor, clock));
                })
                .orElseGet(() -> new CreateAccount(accounts, clock, new SecureRandom()).create(new CreateAccountCommand()));
    }

    /** The clients local.json names that the table still knows, and new ones for the environments without. */
    private static Map<Environment, CreatedClient> ibmClients(DynamoDbOAuthClients clients, LocalDescriptor descriptor,
            Clock clock) {
        Map<Environment, CreatedClient> known = new EnumMap<>(Environment.class);
        for (Environment environment : Environment.values()) {
            descriptor.ibmClient(environment).ifPresent(client -> clients.findClient(client.clientId())
                    .filter(stored -> stored.owner().equals(descriptor.owner()) && stored.environment() == environment
                            && stored.accepts(new ClientSecret(client.clientSecret())))
                    .ifPresent(stored -> known.put(environment, new CreatedClient(stored.clientId(),
                            new ClientSecret(client.clientSecret()), stored.managesExpiration()))));
        }
        Set<Environment> missing = EnumSet.allOf(Environment.class);
        missing.removeAll(known.keySet());
        if (!missing.isEmpty()) {
            known.putAll(new AddOAuthClients(clients, clock, new SecureRandom()).add(new AddOAuthClientsCommand(
                    descriptor.owner(), missing, new CreateAccountCommand().expirationManagedIn())));
        }
        return known;
    }

    /** The apps local.json names that the table still knows, and new ones for the environments without. */
    private static Map<Environment, CreatedApp> picovicoApps(DynamoDbPicovicoApps apps, LocalDescriptor descriptor,
            Clock clock) {
        Map<Environment, CreatedApp> known = new EnumMap<>(Environment.class);
        for (Environment environment : Environment.values()) {
            descriptor.picovicoApp(environment).ifPresent(app -> apps.findApp(app.appId())
                    .filter(stored -> stored.owner().equals(descriptor.owner()) && stored.environment() == environment
                            && stored.accepts(new AppSecret(app.appSecret())))
                    .ifPresent(stored -> known.put(environment,
                            new CreatedApp(stored.appId(), new AppSecret(app.appSecret())))));
        }
        Set<Environment> missing = EnumSet.allOf(Environment.class);
        missing.removeAll(known.keySet());
        if (!missing.isEmpty()) {
            known.putAll(new AddPicovicoApps(apps, clock, new SecureRandom())
                    .add(new AddPicovicoAppsCommand(descriptor.owner(), missing)));
        }
        return known;
    }

    private static boolean stillValid(DynamoDbAccounts accounts, LocalDescriptor descriptor) {
        for (Environment environment : Environment.values()) {
            String key = descriptor.apiKey(environment);
            boolean known = key != null && !key.isEmpty() && accounts.findCredential(new ApiKey(key).hash())
                    .filter(credential -> credential.owner().equals(descriptor.owner())
                            && credential.environment() == environment)
                    .isPresent();
            if (!known) {
                return false;
            }
        }
        return true;
    }
}
