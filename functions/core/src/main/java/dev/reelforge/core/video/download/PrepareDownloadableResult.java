package dev.reelforge.core.video.download;

/** What preparing a downloadable's file came to. */
public sealed interface PrepareDownloadableResult {

    /** Its file is in temporary storage and the downloadable {@code available} with its signed URL. */
    record Prepared(Downloadable downloadable, long bytes) implements PrepareDownloadableResult {}

    /** The file could not be made (the video is gone, or cannot be converted): the downloadable {@code failed}. */
    record Failed(DownloadableKey key, long generation, String reason) implements PrepareDownloadableResult {}

    /**
     * The generation moved on while its file was made (removed with its video, failed by the sweep): the file made
     * was deleted again.
     */
    record Discarded(DownloadableKey key, long generation, String status) implements PrepareDownloadableResult {}

    /**
     * Nothing to do: the record is not that generation pending any more (a repeated, late or reordered event), or is
     * of another format than this function makes.
     */
    record Skipped(DownloadableKey key, long generation, String reason) implements PrepareDownloadableResult {}
}
