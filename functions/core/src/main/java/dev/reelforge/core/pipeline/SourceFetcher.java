package dev.reelforge.core.pipeline;

import java.net.URI;
import java.nio.file.Path;

/**
 * Downloads a source ({@code http}, {@code https} or {@code s3}) to a local file, within the limits of
 * where it may fetch from and how much.
 */
public interface SourceFetcher {

    FetchResult fetch(URI source, Path target);

    sealed interface FetchResult {

        record Fetched(Path file, long bytes) implements FetchResult {}

        /** The source cannot or may not be fetched; {@code reason} is fit to show the user. */
        record Refused(String reason) implements FetchResult {}
    }
}
