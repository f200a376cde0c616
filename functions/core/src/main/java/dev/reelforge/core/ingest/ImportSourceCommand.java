package dev.reelforge.core.ingest;

import java.util.UUID;

/**
 * Import a queued source: fetch it from its URL ({@code uploaded} false: the sources' stream announced it), or read
 * its uploaded file ({@code uploaded} true: the file's arrival announced it).
 */
public record ImportSourceCommand(String owner, UUID sourceId, boolean uploaded) {}
