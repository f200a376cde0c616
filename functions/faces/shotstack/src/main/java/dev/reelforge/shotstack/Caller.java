package dev.reelforge.shotstack;

import dev.reelforge.core.Environment;

/** Who is calling, as the API key authorizer established, and the environment the path names. */
public record Caller(String owner, Environment environment) {}
