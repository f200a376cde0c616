package dev.reelforge.core.ingest;

import java.util.Optional;

public sealed interface ImportSourceResult {

    /**
     * {@code jobRefused}: why the encoder refused the renditions' job, in its own words (for the log, not the user),
     * when it did.
     */
    record Imported(Source source, Optional<String> jobRefused) implements ImportSourceResult {}

    /** {@code reason} is fit to show the user (it is the source's error). */
    record Failed(Source source, String reason) implements ImportSourceResult {}

    /** Nothing to do: no such source, or one imported (or being imported) already. */
    record Skipped(String reason) implements ImportSourceResult {}
}
