package dev.reelforge.core.account;

import dev.reelforge.core.oauth.OAuthClient;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where owners and their credentials are kept. */
public interface Accounts {

    /** Stores a new account with its API keys and OAuth clients, all or nothing. */
    void add(Account account, Collection<ApiCredential> credentials, Collection<OAuthClient> clients);

    /** Stores a new account with its API keys only. */
    default void add(Account account, Collection<ApiCredential> credentials) {
        add(account, credentials, List.of());
    }

    Optional<Account> find(String owner);

    Optional<ApiCredential> findCredential(ApiKeyHash hash);
}
