package dev.reelforge.core.upload;

import dev.reelforge.core.Environment;

/** An upload named by its owner and environment (the caller's), its kind (the route's) and its id (the path's). */
public record UploadLookup(String owner, Environment environment, UploadKind kind, String id) {}
