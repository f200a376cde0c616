package dev.reelforge.core.project;

import dev.reelforge.core.Environment;

/** A project named by its owner, environment and id (the caller's, from the access pair, and the path's). */
public record ProjectLookup(String owner, Environment environment, String id) {}
