package dev.reelforge.core.account;

import dev.reelforge.core.Environment;
import java.time.Instant;

/** A stored API key: which owner it identifies and the one environment it opens. */
public record ApiCredential(ApiKeyHash hash, String owner, Environment environment, Instant created) {}
