package dev.reelforge.core.credit;

/** What Picovico's {@code GET /me} shows of the caller: who it is and its credit balance (none opened reads 0). */
public final class GetProfile {

    private final CreditBalances balances;

    public GetProfile(CreditBalances balances) {
        this.balances = balances;
    }

    public Profile get(GetProfileCommand command) {
        return new Profile(command.owner(), balances.balance(command.owner()).orElse(0L));
    }
}
