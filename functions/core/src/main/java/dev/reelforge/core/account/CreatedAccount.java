package dev.reelforge.core.account;

import dev.reelforge.core.Environment;
import dev.reelforge.core.appauth.CreatedApp;
import dev.reelforge.core.oauth.CreatedClient;
import java.util.Map;

/**
 * A new owner, its API keys, its IBM OAuth clients and its Picovico apps, shown once: afterwards only their hashes
 * exist.
 */
public record CreatedAccount(String owner, Map<Environment, ApiKey> apiKeys, Map<Environment, CreatedClient> ibmClients,
        Map<Environment, CreatedApp> picovicoApps) {

    public CreatedAccount {
        apiKeys = Map.copyOf(apiKeys);
        ibmClients = Map.copyOf(ibmClients);
        picovicoApps = Map.copyOf(picovicoApps);
    }

    public CreatedApp picovicoApp(Environment environment) {
        return picovicoApps.get(environment);
    }

    public CreatedClient ibmClient(Environment environment) {
        return ibmClients.get(environment);
    }
}
