package dev.reelforge.core.pipeline;

import java.net.URI;
import java.nio.file.Path;

/**
 * Downloads a source ({@code http}, {@code https} or {@code s3}) to a local file, within the limits of
 * where it may fetch from and how much.
 */
public interface SourceFetcher {

    FetchResult fetch(URI source, Path target);

    /**
     * As {@link #fetch(URI, Path)}, refusing a source larger than {@code maxBytes} (or the fetcher's own limit,
     * whichever is smaller). This default checks the size once the file is fetched; fetchers that can should
     * stop reading at the limit.
     */
    default FetchResult fetch(URI source, Path target, long maxBytes) {
        FetchResult result = fetch(source, target);
        if (result instanceof FetchResult.Fetched fetched && fetched.bytes() > maxBytes) {
            return new FetchResult.Refused("larger than the " + maxBytes + " bytes allowed for it");
        }
        return result;
    }

    sealed interface FetchResult {

        record Fetched(Path file, long bytes) implements FetchResult {}

        /** The source cannot or may not be fetched; {@code reason} is fit to show the user. */
        record Refused(String reason) implements FetchResult {}
    }
}
