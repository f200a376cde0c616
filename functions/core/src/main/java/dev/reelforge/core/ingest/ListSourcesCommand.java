package dev.reelforge.core.ingest;

import dev.reelforge.core.Environment;

public record ListSourcesCommand(String owner, Environment environment) {}
