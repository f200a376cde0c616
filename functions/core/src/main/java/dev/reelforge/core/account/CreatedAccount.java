package dev.reelforge.core.account;

import dev.reelforge.core.Environment;
import dev.reelforge.core.oauth.CreatedClient;
import java.util.Map;

/** A new owner, its API keys and its IBM OAuth clients, shown once: afterwards only their hashes exist. */
public record CreatedAccount(String owner, Map<Environment, ApiKey> apiKeys, Map<Environment, CreatedClient> ibmClients) {

    public CreatedAccount {
        apiKeys = Map.copyOf(apiKeys);
        ibmClients = Map.copyOf(ibmClients);
    }

    public CreatedClient ibmClient(Environment environment) {
        return ibmClients.get(environment);
    }
}
