package dev.reelforge.core.probe;

import dev.reelforge.core.url.FetchableUrl;
import java.nio.file.Path;

/**
 * Fetches enough of a media file named by URL to probe it, and no more: its head and, where its container keeps
 * its index at the end, the index, written where they belong in a file of the source's full length. Bounded in
 * bytes and in time, so a probe answers within an API request's life whatever the server does.
 */
public interface MediaSampler {

    SampleResult sample(FetchableUrl url, Path target);

    sealed interface SampleResult {

        /**
         * {@code sourceBytes}: the source's whole length, as its server declared it (or as much as was read);
         * {@code truncated}: the server ignored the range asked for and only the beginning of the file, up to the
         * cap, was read, so an index beyond it is missing.
         */
        record Sampled(Path file, long sourceBytes, boolean truncated) implements SampleResult {}

        /** The source cannot or may not be fetched; {@code reason} is fit to show the user. */
        record Refused(String reason) implements SampleResult {}
    }
}
