package dev.reelforge.core.oauth;

import dev.reelforge.core.Environment;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Gives an existing owner new OAuth clients (an account made before IBM's face had none). */
public final class AddOAuthClients {

    private final OAuthClients clients;
    private final Clock clock;
    private final SecureRandom random;

    public AddOAuthClients(OAuthClients clients, Clock clock, SecureRandom random) {
        this.clients = clients;
        this.clock = clock;
        this.random = random;
    }

    public Map<Environment, CreatedClient> add(AddOAuthClientsCommand command) {
        Instant now = clock.instant();
        Map<Environment, CreatedClient> created = new EnumMap<>(Environment.class);
        List<OAuthClient> stored = new ArrayList<>();
        for (Environment environment : command.environments()) {
            NewOAuthClient client = NewOAuthClient.generate(command.owner(), environment,
                    command.expirationManagedIn().contains(environment), now, random);
            stored.add(client.stored());
            created.put(environment, client.shown());
        }
        clients.addClients(stored);
        return created;
    }
}
