package dev.reelforge.core.oauth;

import java.util.Collection;
import java.util.Optional;

/** Where OAuth clients are kept (an account's are added with it: {@code Accounts.add}). */
public interface OAuthClients {

    Optional<OAuthClient> findClient(String clientId);

    /** Adds clients to an existing owner, all or none (a client id already taken fails the whole). */
    void addClients(Collection<OAuthClient> clients);
}
