package dev.reelforge.media;

import dev.reelforge.core.media.StillDecoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Decodes an image's first frame with ffmpeg to nowhere ({@code -v error ... -f null -}). ffmpeg finishes with 0 even
 * when the data runs out ("overread") or a chunk is damaged, but it reports those at the error level: any report at
 * that level, as well as a failed exit, makes the image one that does not decode.
 */
public final class FfmpegStillDecoder implements StillDecoder {

    /** Enough for ffmpeg's complaints about any image; what is beyond is not read. */
    private static final int STDERR_LIMIT_BYTES = 64 * 1024;

    private final FfmpegProcess ffmpeg;

    public FfmpegStillDecoder(Path ffmpeg, Duration timeout) {
        this.ffmpeg = new FfmpegProcess(ffmpeg, timeout, STDERR_LIMIT_BYTES);
    }

    @Override
    public Optional<String> failure(Path image) {
        // "file:" keeps a name with a colon from being taken for a protocol.
        FfmpegProcess.Outcome outcome = ffmpeg.run(List.of("-hide_banner", "-nostdin", "-v", "error", "-i",
                "file:" + image.toAbsolutePath(), "-frames:v", "1", "-f", "null", "-"), null);
        if (outcome.timedOut()) {
            return Optional.of("the image takes too long to decode");
        }
        if (outcome.exitCode() != 0 || !outcome.stderr().isBlank()) {
            return Optional.of("the image does not decode (it is damaged or cut short)");
        }
        return Optional.empty();
    }
}
