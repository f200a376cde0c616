package dev.reelforge.core.appauth;

import java.time.Instant;

public sealed interface LogInAppResult {

    /** A new pair of {@code owner}'s, valid until {@code expires}. */
    record LoggedIn(AccessPair pair, String owner, Instant expires) implements LogInAppResult {}

    /** No app has this id (or the text cannot be one). */
    record UnknownApp() implements LogInAppResult {}

    /** The app exists, the secret is not its. */
    record WrongSecret() implements LogInAppResult {}
}
