package dev.reelforge.core.account;

import dev.reelforge.core.Environment;
import java.util.EnumSet;
import java.util.Set;

/**
 * Opens a new account with one API key, one IBM OAuth client and one Picovico app per environment;
 * {@code expirationManagedIn} names the environments whose client may manage videos' expiration (both, unless asked
 * otherwise); {@code credits} is the opening balance ({@link #STARTING_CREDITS} unless asked otherwise).
 */
public record CreateAccountCommand(Set<Environment> expirationManagedIn, long credits) {

    /** Enough for dozens of renders at 720 (70 each): about 70. */
    public static final long STARTING_CREDITS = 5_000;

    public CreateAccountCommand {
        expirationManagedIn = Set.copyOf(expirationManagedIn);
        if (credits < 0) {
            throw new IllegalArgumentException("an opening balance cannot be negative");
        }
    }

    public CreateAccountCommand(Set<Environment> expirationManagedIn) {
        this(expirationManagedIn, STARTING_CREDITS);
    }

    public CreateAccountCommand() {
        this(EnumSet.allOf(Environment.class));
    }
}
