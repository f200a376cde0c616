package dev.reelforge.core.ingest;

import java.util.UUID;

/** A source changed (its stream says so): what of it ended is told to its callback. */
public record DispatchSourceCallbacksCommand(String owner, UUID sourceId) {}
