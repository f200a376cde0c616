package dev.reelforge.core.appauth;

import java.util.Optional;

/** Where issued access pairs are kept, by the hash of their access key. */
public interface AccessPairs {

    void add(IssuedAccess access);

    /** The stored pair, expired or not: the caller decides by its own clock (a TTL deletes late). */
    Optional<IssuedAccess> find(String keyHash);
}
