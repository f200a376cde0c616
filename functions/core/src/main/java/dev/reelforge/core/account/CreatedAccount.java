package dev.reelforge.core.account;

import dev.reelforge.core.Environment;
import java.util.Map;

/** A new owner and its API keys, shown once: afterwards only their hashes exist. */
public record CreatedAccount(String owner, Map<Environment, ApiKey> apiKeys) {

    public CreatedAccount {
        apiKeys = Map.copyOf(apiKeys);
    }
}
