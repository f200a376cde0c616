package dev.reelforge.videos;

import dev.reelforge.aws.s3.S3Downloads;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.video.download.DownloadMaker;
import dev.reelforge.core.video.download.Downloadable;
import dev.reelforge.media.FfmpegFlvRemuxer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The FLV download: the video's hosted MP4 fetched to local disk, made into an FLV by ffmpeg (its H.264 and AAC
 * copied, {@link FfmpegFlvRemuxer}), and the FLV uploaded as the downloadable's file. Both files live in a directory
 * of their own under the work directory, removed afterwards whatever happened.
 */
final class FlvDownloadMaker implements DownloadMaker {

    private final S3Downloads downloads;
    private final FfmpegFlvRemuxer remuxer;
    private final Path workDirectory;

    FlvDownloadMaker(S3Downloads downloads, FfmpegFlvRemuxer remuxer, Path workDirectory) {
        this.downloads = downloads;
        this.remuxer = remuxer;
        this.workDirectory = workDirectory;
    }

    @Override
    public MakeOutcome make(Asset video, Downloadable downloadable) {
        Path directory;
        try {
            Files.createDirectories(workDirectory);
            directory = Files.createTempDirectory(workDirectory, "flv-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a work directory in " + workDirectory, e);
        }
        try {
            Path source = directory.resolve("video.mp4");
            if (!downloads.fetchHosted(video, source)) {
                return new MakeOutcome.SourceMissing("the video's hosted file " + video.filename() + " is gone");
            }
            Path flv = directory.resolve("download.flv");
            return switch (remuxer.remux(source, flv)) {
                case FfmpegFlvRemuxer.Outcome.Made made -> {
                    downloads.upload(flv, downloadable);
                    yield new MakeOutcome.Made(size(flv));
                }
                case FfmpegFlvRemuxer.Outcome.Failed failed -> new MakeOutcome.Unconvertible(failed.reason());
            };
        } finally {
            deleteRecursively(directory);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // what is left is in the function's own /tmp, which goes with its sandbox
        }
    }
}
