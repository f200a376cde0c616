package dev.reelforge.core.account;

import java.util.Collection;
import java.util.Optional;

/** Where owners and their credentials are kept. */
public interface Accounts {

    /** Stores a new account with its credentials, all or nothing. */
    void add(Account account, Collection<ApiCredential> credentials);

    Optional<Account> find(String owner);

    Optional<ApiCredential> findCredential(ApiKeyHash hash);
}
