package dev.reelforge.core.video.download;

/** What asking for a downloadable came to; either way the answer shows it as it now stands. */
public sealed interface RequestDownloadableResult {

    /** A new generation was requested: its file is being made ({@code pending}). */
    record Requested(Downloadable downloadable, DownloadableView view) implements RequestDownloadableResult {}

    /** It was pending or available already, and stays so: nothing changed. */
    record Unchanged(DownloadableView view) implements RequestDownloadableResult {}

    /** No video of the caller's in that environment has that id (unknown, another owner's, deleted). */
    record NoSuchVideo() implements RequestDownloadableResult {}
}
