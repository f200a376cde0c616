package dev.reelforge.core.account;

import dev.reelforge.core.Environment;

public sealed interface AuthorizeApiKeyResult {

    /** The key identifies {@code owner} and opens {@code environment}, and no other. */
    record Granted(String owner, Environment environment) implements AuthorizeApiKeyResult {

        public boolean opens(Environment requested) {
            return environment == requested;
        }
    }

    /** The key is not one of ours. */
    record Denied() implements AuthorizeApiKeyResult {}
}
