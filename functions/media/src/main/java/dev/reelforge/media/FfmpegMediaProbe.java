package dev.reelforge.media;

import dev.reelforge.core.media.MediaProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Probes a file with ffmpeg itself ({@code ffmpeg -hide_banner -i <file>}, no output), since no ffprobe ships
 * where Reelforge runs; see {@link FfmpegInputDump} for what is read from its report. Opening a file only
 * reads its header, so the time limit is there for inputs crafted to stall the demuxer.
 */
public final class FfmpegMediaProbe implements MediaProbe {

    /** Enough for the input dump of any file, however much metadata it carries. */
    private static final int STDERR_LIMIT_BYTES = 1 << 20;

    private final FfmpegProcess ffmpeg;
    private final Duration timeout;

    public FfmpegMediaProbe(Path ffmpeg, Duration timeout) {
        this.ffmpeg = new FfmpegProcess(ffmpeg, timeout, STDERR_LIMIT_BYTES);
        this.timeout = timeout;
    }

    @Override
    public ProbeResult probe(Path file) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
        // "file:" keeps a name with a colon from being taken for a protocol.
        String input = "file:" + file.toAbsolutePath();
        FfmpegProcess.Outcome outcome = ffmpeg.run(List.of("-hide_banner", "-nostdin", "-i", input), null);
        if (outcome.timedOut()) {
            return new ProbeResult.Unreadable("ffmpeg could not read the file within "
                    + Filter.number(timeout.toMillis() / 1000.0) + " s");
        }
        return FfmpegInputDump.parse(outcome.stderr(), input, bytes);
    }
}
