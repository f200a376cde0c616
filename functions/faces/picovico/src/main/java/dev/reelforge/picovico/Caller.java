package dev.reelforge.picovico;

import dev.reelforge.core.Environment;

/** Who is calling, as the access-pair authorizer established: the owner and environment of the pair's app. */
public record Caller(String owner, Environment environment, String appId) {}
