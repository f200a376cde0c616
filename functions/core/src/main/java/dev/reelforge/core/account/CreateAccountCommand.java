package dev.reelforge.core.account;

import dev.reelforge.core.Environment;
import java.util.EnumSet;
import java.util.Set;

/**
 * Opens a new account with one API key and one IBM OAuth client per environment; {@code expirationManagedIn} names
 * the environments whose client may manage videos' expiration (both, unless asked otherwise).
 */
public record CreateAccountCommand(Set<Environment> expirationManagedIn) {

    public CreateAccountCommand {
        expirationManagedIn = Set.copyOf(expirationManagedIn);
    }

    public CreateAccountCommand() {
        this(EnumSet.allOf(Environment.class));
    }
}
