package dev.reelforge.core.oauth;

import dev.reelforge.core.Environment;
import java.util.Set;

/** Gives an existing owner a new OAuth client in each of {@code environments}. */
public record AddOAuthClientsCommand(String owner, Set<Environment> environments, Set<Environment> expirationManagedIn) {

    public AddOAuthClientsCommand {
        environments = Set.copyOf(environments);
        expirationManagedIn = Set.copyOf(expirationManagedIn);
    }
}
