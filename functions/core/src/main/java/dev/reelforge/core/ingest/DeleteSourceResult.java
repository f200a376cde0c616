package dev.reelforge.core.ingest;

public sealed interface DeleteSourceResult {

    /** Deleted now, or earlier: its files and renditions' files are (being) removed. */
    record Deleted(Source source) implements DeleteSourceResult {}

    record NotFound() implements DeleteSourceResult {}
}
