package dev.reelforge.core.ingest;

public sealed interface ImportSourceResult {

    record Imported(Source source) implements ImportSourceResult {}

    /** {@code reason} is fit to show the user (it is the source's error). */
    record Failed(Source source, String reason) implements ImportSourceResult {}

    /** Nothing to do: no such source, or one imported (or being imported) already. */
    record Skipped(String reason) implements ImportSourceResult {}
}
