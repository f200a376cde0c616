package dev.reelforge.ibm;

import dev.reelforge.core.Environment;

/**
 * Who is calling, as the bearer-token authorizer established: the owner and environment of the OAuth client the
 * token was issued to, and whether that client may manage videos' expiration (a per-client setting).
 */
public record Caller(String owner, Environment environment, String clientId, boolean managesExpiration) {}
