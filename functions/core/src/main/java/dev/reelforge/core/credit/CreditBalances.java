package dev.reelforge.core.credit;

import java.util.Optional;

/**
 * Each owner's balance of render credits (Picovico's: a render costs 40, 50 or 70 for 360, 480 or 720). An account
 * opens with its balance ({@code Accounts.add}); debits and refunds come with rendering projects.
 */
public interface CreditBalances {

    /** The owner's balance, when one was opened. */
    Optional<Long> balance(String owner);

    /** Opens the owner's balance with {@code credits}, unless it has one already (then nothing changes). */
    void openIfAbsent(String owner, long credits);
}
