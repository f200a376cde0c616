package dev.reelforge.local.it;

import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded stack for the API tests of a test JVM, on a fresh data directory and any free port,
 * stopped when the JVM exits. Tests that need their own (restarts, locks) start one themselves.
 */
final class SharedStack {

    private static LocalStack stack;

    private SharedStack() {}

    static synchronized LocalStack get() {
        if (stack == null) {
            Path dataDirectory = temporaryDirectory("reelforge-it-");
            stack = LocalStack.start(new LocalStack.Options(ProjectFiles.template(), dataDirectory, 0, line -> {}));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                deleteRecursively(dataDirectory);
            }));
        }
        return stack;
    }

    static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
