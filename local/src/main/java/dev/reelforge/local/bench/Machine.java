package dev.reelforge.local.bench;

import dev.reelforge.local.CommandLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** What the benchmarks say about the machine they ran on, and the scratch space they leave clean. */
final class Machine {

    private Machine() {}

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | UncheckedIOException e) {
            return "unknown CPU";
        }
    }

    /**
     * Runs {@code command} in {@code directory}, its output and errors to {@code log}, and answers its wall time in
     * seconds; a run that takes over 10 minutes or exits with anything but 0 fails with what it wrote.
     */
    static double runTimed(List<String> command, Path directory, Path log, String what)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(log.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " did not finish in 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed (" + process.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return seconds;
    }

    /** The 1-minute load average, as /proc/loadavg has it; NaN elsewhere. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg has them; "unknown" elsewhere. */
    static String loadAverageText() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** A whole-number option, {@code fallback} when absent and 0 when it is not a number (which a usage refuses). */
    static long numberOption(CommandLine options, String name, long fallback) {
        try {
            return options.option(name).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@link #numberOption}, for options that count: 0 beyond an int, too. */
    static int countOption(CommandLine options, String name, int fallback) {
        long value = numberOption(options, name, fallback);
        return value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? 0 : (int) value;
    }

    /** What a benchmark measures, in its scratch directory, from {@code started}. */
    interface Measurement {
        void run(Path work, Instant started) throws Exception;
    }

    /**
     * Runs a benchmark in a new scratch directory (under {@code --data-dir}, or the temporary directory), prints how
     * long it took and removes the directory. A failure is printed with its trace on standard error, exit status 1:
     * this is a developer's command on a terminal, where the trace says where the measurement broke.
     */
    static int measureInScratch(CommandLine options, String name, Measurement measurement) {
        Path work = null;
        try {
            work = newScratch(options.option("data-dir").map(Path::of), "reelforge-bench-" + name + "-");
            Instant started = Instant.now();
            measurement.run(work, started);
            System.out.printf(Locale.ROOT, "%nbench %s took %d s%n", name,
                    ChronoUnit.SECONDS.between(started, Instant.now()));
            return 0;
        } catch (Exception e) {
            System.err.println("bench " + name + " failed: " + e);
            e.printStackTrace();
            return 1;
        } finally {
            if (work != null) {
                deleteScratch(work);
            }
        }
    }

    /**
     * A new scratch directory for a benchmark run, under {@code parent} (created if need be) or the system's
     * temporary directory; {@link #deleteScratch} removes it.
     */
    static Path newScratch(Optional<Path> parent, String prefix) throws IOException {
        if (parent.isPresent()) {
            return Files.createTempDirectory(Files.createDirectories(parent.get()), prefix);
        }
        return Files.createTempDirectory(prefix);
    }

    /** Deletes a benchmark's scratch directory; what cannot be deleted is reported, not fatal. */
    static void deleteScratch(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    System.err.println("bench: cannot delete " + path + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            System.err.println("bench: cannot clean up " + directory + ": " + e.getMessage());
        }
    }
}
