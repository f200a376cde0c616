package dev.reelforge.local.it;

import dev.reelforge.local.LocalDescriptor;
import dev.reelforge.local.ProjectFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./reelforge local} as a process of its own, on a data directory, started as the launcher starts it (the
 * classpath {@code local/target/classes} and {@code local/target/classpath.txt}, main class
 * {@code dev.reelforge.local.Main}), so that a test can kill it for real ({@link #kill}: SIGKILL) and start another
 * on the same directory.
 */
final class StackProcess implements AutoCloseable {

    private static final String RUNNING = "Reelforge embedded stack is running";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final int KEPT_LINES = 200;

    private final Process process;
    private final Deque<String> lines;
    private final LocalDescriptor descriptor;
    private final Instant ready;

    private StackProcess(Process process, Deque<String> lines, LocalDescriptor descriptor, Instant ready) {
        this.process = process;
        this.lines = lines;
        this.descriptor = descriptor;
        this.ready = ready;
    }

    /**
     * Starts a stack on {@code dataDirectory} (API on a free port) and waits until it says it is running.
     *
     * @param ffmpeg the ffmpeg it is to run ({@code FFMPEG}); empty for its own
     */
    static StackProcess start(Path dataDirectory, Optional<Path> ffmpeg) {
        Path local = ProjectFiles.root().resolve("local");
        Path classpathFile = local.resolve("target/classpath.txt");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: build with mvn package first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        try {
            command.addAll(List.of("-cp", local.resolve("target/classes") + java.io.File.pathSeparator
                    + Files.readString(classpathFile).strip(), "dev.reelforge.local.Main", "local", "--port", "0",
                    "--data-dir", dataDirectory.toString(), "--template", ProjectFiles.template().toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            ffmpeg.ifPresent(path -> builder.environment().put("FFMPEG", path.toString()));
            Process process = builder.start();
            Deque<String> lines = new ArrayDeque<>();
            CountDownLatch running = new CountDownLatch(1);
            Thread.ofVirtual().start(() -> read(process, lines, running));
            if (!running.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the stack did not start within " + START_TIMEOUT + "; it said: "
                        + last(lines, 40));
            }
            Instant ready = Instant.now();
            LocalDescriptor descriptor = LocalDescriptor.read(dataDirectory)
                    .orElseThrow(() -> new IllegalStateException("the stack wrote no local.json"));
            return new StackProcess(process, lines, descriptor, ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void read(Process process, Deque<String> lines, CountDownLatch running) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.addLast(line);
                    if (lines.size() > KEPT_LINES) {
                        lines.removeFirst();
                    }
                }
                if (line.contains(RUNNING)) {
                    running.countDown();
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** What the stack wrote to its data directory's local.json when it started: API, keys, services. */
    LocalDescriptor descriptor() {
        return descriptor;
    }

    /** When the stack said it was running. */
    Instant ready() {
        return ready;
    }

    /** Kills the process as {@code kill -9} does, and waits until it is gone; returns when it was seen gone. */
    Instant kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        return Instant.now();
    }

    /** The last lines the stack wrote (standard output and error). */
    String lastLines(int count) {
        return last(lines, count);
    }

    private static String last(Deque<String> lines, int count) {
        synchronized (lines) {
            List<String> all = new ArrayList<>(lines);
            return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
        }
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the stack did not end within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the stack as Ctrl-C does (SIGTERM), killing it if it takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
