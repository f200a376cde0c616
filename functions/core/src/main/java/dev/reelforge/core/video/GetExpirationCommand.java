package dev.reelforge.core.video;

import dev.reelforge.core.Environment;
import java.util.UUID;

/**
 * An owner reads the expiration rule of one of its videos, through a client that may or may not manage expiration
 * (a per-client setting).
 */
public record GetExpirationCommand(String owner, Environment environment, boolean managesExpiration, UUID id) {}
