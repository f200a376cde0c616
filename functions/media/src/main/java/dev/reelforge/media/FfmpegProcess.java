package dev.reelforge.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import dev.reelforge.core.pipeline.StopCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one ffmpeg command to its end, its time limit or a request to stop, keeping what it says on stderr. ffmpeg
 * can talk a lot (one warning per broken frame of a long file), so only the first and the last
 * {@code limitBytes / 2} bytes are kept; the head holds the input dump a probe reads, the tail the error a failure
 * ends with.
 */
final class FfmpegProcess {

    /** How often a running ffmpeg asks its {@link StopCheck} whether to stop. */
    static final long STOP_CHECK_MILLIS = 1000;

    /** How ffmpeg ended. {@code exitCode} is -1 when it was killed at the time limit or on a request to stop. */
    record Outcome(int exitCode, boolean timedOut, boolean stopped, String stderr) {

        Outcome(int exitCode, boolean timedOut, String stderr) {
            this(exitCode, timedOut, false, stderr);
        }

        boolean succeeded() {
            return !timedOut && !stopped && exitCode == 0;
        }
    }

    private final Path executable;
    private final Duration timeout;
    private final int limitBytes;

    FfmpegProcess(Path executable, Duration timeout, int limitBytes) {
        this.executable = executable;
        this.timeout = timeout;
        this.limitBytes = limitBytes;
    }

    /** Runs ffmpeg with {@code arguments} (stdin closed, stdout discarded) in {@code workingDirectory}. */
    Outcome run(List<String> arguments, Path workingDirectory) {
        return run(arguments, workingDirectory, StopCheck.NEVER);
    }

    /**
     * As {@link #run(List, Path)}, asking {@code stop} about once a second whether to end ffmpeg early; ffmpeg is
     * also ended when asking fails, before the failure is thrown.
     */
    Outcome run(List<String> arguments, Path workingDirectory, StopCheck stop) {
        List<String> command = new ArrayList<>(arguments.size() + 1);
        command.add(executable.toAbsolutePath().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
        BoundedText stderr = new BoundedText(limitBytes);
        Thread drain = Thread.ofVirtual().start(() -> stderr.readAll(process.getErrorStream()));
        boolean finished = false;
        boolean stopped = false;
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!finished && !stopped) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                finished = process.waitFor(Math.min(left, STOP_CHECK_MILLIS), TimeUnit.MILLISECONDS);
                stopped = !finished && stop.stopRequested();
            }
            if (!finished) {
                process.destroyForcibly();
                process.waitFor();
            }
            drain.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ffmpeg was running", e);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return new Outcome(finished ? process.exitValue() : -1, !finished && !stopped, stopped, stderr.text());
    }

    /** The head and the tail of a stream, with a marker where the middle was dropped. */
    private static final class BoundedText {

        private final int half;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private final byte[] tail;
        private long tailWritten;

        BoundedText(int limitBytes) {
            this.half = Math.max(1, limitBytes / 2);
            this.tail = new byte[half];
        }

        void readAll(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    accept(buffer, read);
                }
            } catch (IOException ignored) {
                // The process was killed; what was read so far is all there is.
            }
        }

        private synchronized void accept(byte[] bytes, int length) {
            int toHead = Math.min(length, half - head.size());
            head.write(bytes, 0, toHead);
            for (int i = toHead; i < length; i++) {
                tail[(int) (tailWritten % half)] = bytes[i];
                tailWritten++;
            }
        }

        synchronized String text() {
            StringBuilder text = new StringBuilder(head.toString(StandardCharsets.UTF_8));
            if (tailWritten > half) {
                text.append("\n[… ").append(tailWritten - half).append(" bytes of ffmpeg output left out …]\n");
            }
            int kept = (int) Math.min(tailWritten, half);
            byte[] ordered = new byte[kept];
            int start = (int) ((tailWritten - kept) % half);
            for (int i = 0; i < kept; i++) {
                ordered[i] = tail[(start + i) % half];
            }
            return text.append(new String(ordered, StandardCharsets.UTF_8)).toString();
        }
    }
}
