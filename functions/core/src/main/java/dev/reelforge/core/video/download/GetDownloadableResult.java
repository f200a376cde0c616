package dev.reelforge.core.video.download;

/** What reading a downloadable came to. */
public sealed interface GetDownloadableResult {

    record Shown(DownloadableView view) implements GetDownloadableResult {}

    /** No video of the caller's in that environment has that id (unknown, another owner's, deleted). */
    record NoSuchVideo() implements GetDownloadableResult {}
}
