package dev.reelforge.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encodes 16-bit mono PCM at {@link Synthesiser#SAMPLE_RATE} to AAC in an M4A file with ffmpeg (its moov atom first, so
 * a player starts before the end; no metadata, so the bytes depend only on the samples and ffmpeg's version).
 */
public final class AacEncoder {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path ffmpeg;

    public AacEncoder(Path ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** Writes the samples to {@code target} (an {@code .m4a}), using {@code target}'s directory for the raw PCM. */
    public void encode(short[] samples, Path target) {
        Path pcm = target.resolveSibling(target.getFileName() + ".pcm");
        try {
            ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asShortBuffer().put(samples);
            Files.write(pcm, bytes.array());
            Path log = target.resolveSibling(target.getFileName() + ".log");
            Process process = new ProcessBuilder(List.of(ffmpeg.toString(), "-nostdin", "-y", "-v", "error",
                    "-f", "s16le", "-ar", String.valueOf(Synthesiser.SAMPLE_RATE), "-ac", "1", "-i", pcm.toString(),
                    "-c:a", "aac", "-b:a", "128k", "-map_metadata", "-1", "-fflags", "+bitexact",
                    "-flags:a", "+bitexact", "-movflags", "+faststart", target.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EncodingFailedException("ffmpeg did not finish " + target.getFileName() + " within "
                        + TIMEOUT);
            }
            String said = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new EncodingFailedException("ffmpeg could not encode " + target.getFileName() + " (exit "
                        + process.exitValue() + "): " + said.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + target.getFileName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EncodingFailedException("interrupted while encoding " + target.getFileName());
        } finally {
            try {
                Files.deleteIfExists(pcm);
            } catch (IOException ignored) {
                // the work directory is temporary; a leftover PCM is overwritten next time
            }
        }
    }

    /** ffmpeg failed or took too long: a defect of the build or the layer, not of any input. */
    public static final class EncodingFailedException extends RuntimeException {

        public EncodingFailedException(String message) {
            super(message);
        }
    }
}
