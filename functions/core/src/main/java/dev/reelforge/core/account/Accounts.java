package dev.reelforge.core.account;

import dev.reelforge.core.appauth.PicovicoApp;
import dev.reelforge.core.oauth.OAuthClient;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where owners and their credentials are kept. */
public interface Accounts {

    /**
     * Stores a new account with its API keys, IBM OAuth clients, Picovico apps and opening credit balance, all or
     * nothing.
     */
    void add(Account account, Collection<ApiCredential> credentials, Collection<OAuthClient> clients,
            Collection<PicovicoApp> apps, long credits);

    /** Stores a new account with its API keys and OAuth clients, no Picovico app and no credits. */
    default void add(Account account, Collection<ApiCredential> credentials, Collection<OAuthClient> clients) {
        add(account, credentials, clients, List.of(), 0);
    }

    /** Stores a new account with its API keys only. */
    default void add(Account account, Collection<ApiCredential> credentials) {
        add(account, credentials, List.of());
    }

    Optional<Account> find(String owner);

    Optional<ApiCredential> findCredential(ApiKeyHash hash);
}
