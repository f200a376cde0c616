package dev.reelforge.core.ingest;

public sealed interface RecordRenditionJobResult {

    record Recorded(Source source) implements RecordRenditionJobResult {}

    record Ignored(String reason) implements RecordRenditionJobResult {}
}
