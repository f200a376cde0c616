package dev.reelforge.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg has them; "unknown" elsewhere. */
    static String loadAverageText() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
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
