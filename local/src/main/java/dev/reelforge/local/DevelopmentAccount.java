package dev.reelforge.local;

import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.ApiKey;
import dev.reelforge.core.account.CreateAccount;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.core.account.CreatedAccount;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The account the embedded stack seeds for its developer. Its keys exist in clear only in local.json;
 * on a restart with the same data directory they are reused if the accounts table still knows them.
 */
final class DevelopmentAccount {

    private DevelopmentAccount() {}

    static CreatedAccount ensure(DynamoDbAccounts accounts, Optional<LocalDescriptor> previous, Clock clock) {
        return previous.filter(descriptor -> stillValid(accounts, descriptor))
                .map(descriptor -> {
                    Map<Environment, ApiKey> keys = new EnumMap<>(Environment.class);
                    descriptor.apiKeys().forEach((environment, key) -> keys.put(environment, new ApiKey(key)));
                    return new CreatedAccount(descriptor.owner(), keys);
                })
                .orElseGet(() -> new CreateAccount(accounts, clock, new SecureRandom()).create(new CreateAccountCommand()));
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
