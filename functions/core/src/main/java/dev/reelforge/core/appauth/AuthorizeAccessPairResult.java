package dev.reelforge.core.appauth;

import dev.reelforge.core.Environment;

public sealed interface AuthorizeAccessPairResult {

    /** A live pair of {@code appId}, which belongs to {@code owner} in {@code environment}. */
    record Granted(String owner, Environment environment, String appId) implements AuthorizeAccessPairResult {}

    /** Malformed, unknown, mismatched or expired. */
    record Denied() implements AuthorizeAccessPairResult {}
}
