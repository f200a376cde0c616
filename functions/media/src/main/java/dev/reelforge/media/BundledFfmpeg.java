package dev.reelforge.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The static ffmpeg build that ships inside JAVE's native-binary jar ({@code ws.schild:jave-nativebin-linux64}),
 * for where no ffmpeg is installed: the embedded stack and the tests. On AWS ffmpeg comes from a Lambda layer
 * instead, so this class finds the binary on the classpath only when asked.
 */
public final class BundledFfmpeg {

    /** Where the jar keeps the binary. */
    public static final String RESOURCE = "ws/schild/jave/nativebin/ffmpeg-amd64";

    private BundledFfmpeg() {}

    /**
     * Copies the bundled ffmpeg into {@code directory} (unless a file of the same size is already there, as
     * from an earlier run) and makes it executable.
     *
     * @return the executable
     * @throws IllegalStateException when the jar is not on the classpath
     */
    public static Path extractTo(Path directory) {
        URL resource = BundledFfmpeg.class.getClassLoader().getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException("no bundled ffmpeg: the classpath has no " + RESOURCE
                    + " (add ws.schild:jave-nativebin-linux64, or configure the path of an installed ffmpeg)");
        }
        Path target = directory.resolve("ffmpeg").toAbsolutePath();
        synchronized (BundledFfmpeg.class) {
            try {
                URLConnection connection = resource.openConnection();
                long size = connection.getContentLengthLong();
                if (!(size >= 0 && Files.isRegularFile(target) && Files.size(target) == size)) {
                    Files.createDirectories(directory);
                    // Written aside and moved, so another process never runs a half-written binary.
                    Path partial = Files.createTempFile(directory, "ffmpeg", ".partial");
                    try (InputStream in = connection.getInputStream()) {
                        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                        makeExecutable(partial);
                        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(partial);
                    }
                }
                makeExecutable(target);
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract the bundled ffmpeg to " + directory, e);
            }
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        if (!Files.isExecutable(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
