package dev.reelforge.core.appauth;

import java.time.Clock;

/**
 * Finds whose access pair this is. The answer does not depend on the route asked for (Picovico's paths carry no
 * environment: the pair's app decides it), so a gateway may cache it per pair; expiry is checked here, by the clock,
 * since a table's TTL deletes late.
 */
public final class AuthorizeAccessPair {

    private final AccessPairs pairs;
    private final Clock clock;

    public AuthorizeAccessPair(AccessPairs pairs, Clock clock) {
        this.pairs = pairs;
        this.clock = clock;
    }

    public AuthorizeAccessPairResult authorize(AuthorizeAccessPairCommand command) {
        AccessPair pair = command.pair();
        if (!pair.wellFormed()) {
            return new AuthorizeAccessPairResult.Denied();
        }
        return pairs.find(pair.keyHash())
                .filter(stored -> stored.matches(pair) && !stored.expiredAt(clock.instant()))
                .<AuthorizeAccessPairResult>map(stored -> new AuthorizeAccessPairResult.Granted(stored.owner(),
                        stored.environment(), stored.appId()))
                .orElseGet(AuthorizeAccessPairResult.Denied::new);
    }
}
