package dev.reelforge.videos;

import dev.reelforge.core.video.download.DownloadableKey;
import dev.reelforge.core.video.download.PrepareDownloadableResult;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.MetricUnit;
import dev.reelforge.runtime.log.StructuredLog;

/**
 * {@code download.prepared}, the makers' one log line per record: owner, video (as {@code assetId}: a video is an
 * asset), format, generation and outcome; a file made adds the metrics {@code DownloadPrepareDuration} (from the
 * record to available), and the file's size. No URL is logged.
 */
final class DownloadLog {

    private DownloadLog() {}

    static void prepared(StructuredLog log, DownloadableKey key, long generation, PrepareDownloadableResult result,
            long millis) {
        LogEvent line = log.event("download.prepared").owner(key.owner()).asset(key.videoId())
                .field("format", key.format().wireName()).field("generation", generation);
        switch (result) {
            case PrepareDownloadableResult.Prepared prepared -> line.outcome("available")
                    .metric("DownloadPrepareDuration", millis, MetricUnit.MILLISECONDS)
                    .field("bytes", prepared.bytes()).info();
            case PrepareDownloadableResult.Failed failed -> line.outcome("failed").field("error", failed.reason()).warn();
            case PrepareDownloadableResult.Discarded discarded -> line.outcome("discarded")
                    .field("reason", "it moved on while its file was made: " + discarded.status()).info();
            case PrepareDownloadableResult.Skipped skipped -> line.outcome("skipped").field("reason", skipped.reason())
                    .info();
        }
    }
}
