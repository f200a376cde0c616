package dev.reelforge.core.account;

import dev.reelforge.core.Environment;
import dev.reelforge.core.appauth.CreatedApp;
import dev.reelforge.core.appauth.NewPicovicoApp;
import dev.reelforge.core.appauth.PicovicoApp;
import dev.reelforge.core.oauth.CreatedClient;
import dev.reelforge.core.oauth.NewOAuthClient;
import dev.reelforge.core.oauth.OAuthClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Creates an owner with a fresh API key, a fresh IBM OAuth client and a fresh Picovico app (each a 40-character id
 * and a random secret) for each environment, and its opening credit balance.
 */
public final class CreateAccount {

    private static final String OWNER_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int OWNER_LENGTH = 10;

    private final Accounts accounts;
    private final Clock clock;
    private final SecureRandom random;

    public CreateAccount(Accounts accounts, Clock clock, SecureRandom random) {
        this.accounts = accounts;
        this.clock = clock;
        this.random = random;
    }

    public CreatedAccount create(CreateAccountCommand command) {
        Instant now = clock.instant();
        String owner = newOwnerId();
        Map<Environment, ApiKey> keys = new EnumMap<>(Environment.class);
        List<ApiCredential> credentials = new ArrayList<>();
        Map<Environment, CreatedClient> created = new EnumMap<>(Environment.class);
        List<OAuthClient> clients = new ArrayList<>();
        Map<Environment, CreatedApp> createdApps = new EnumMap<>(Environment.class);
        List<PicovicoApp> apps = new ArrayList<>();
        for (Environment environment : Environment.values()) {
            ApiKey key = ApiKey.generate(random);
            keys.put(environment, key);
            credentials.add(new ApiCredential(key.hash(), owner, environment, now));
            NewOAuthClient client = NewOAuthClient.generate(owner, environment,
                    command.expirationManagedIn().contains(environment), now, random);
            clients.add(client.stored());
            created.put(environment, client.shown());
            NewPicovicoApp app = NewPicovicoApp.generate(owner, environment, now, random);
            apps.add(app.stored());
            createdApps.put(environment, app.shown());
        }
        accounts.add(new Account(owner, now), credentials, clients, apps, command.credits());
        return new CreatedAccount(owner, keys, created, createdApps);
    }

    private String newOwnerId() {
        StringBuilder owner = new StringBuilder(OWNER_LENGTH);
        for (int i = 0; i < OWNER_LENGTH; i++) {
            owner.append(OWNER_ALPHABET.charAt(random.nextInt(OWNER_ALPHABET.length())));
        }
        return owner.toString();
    }
}
