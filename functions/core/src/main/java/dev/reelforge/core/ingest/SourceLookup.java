package dev.reelforge.core.ingest;

import dev.reelforge.core.Environment;
import java.util.UUID;

/** One of the caller's sources, in the environment the path names. */
public record SourceLookup(String owner, Environment environment, UUID id) {}
