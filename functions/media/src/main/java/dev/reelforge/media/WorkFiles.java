package dev.reelforge.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text files one ffmpeg command reads (a line drawtext draws, a sendcmd script), written in the composition's
 * work directory for the command's duration, each under a name of its own.
 */
final class WorkFiles {

    private final Path directory;
    private int written;

    WorkFiles(Path directory) {
        this.directory = directory;
    }

    /** Where the files are written (for files other than text, named by their writer). */
    Path directory() {
        return directory;
    }

    /** Writes {@code text} as UTF-8 to {@code <kind>-<n>.txt}. */
    Path write(String kind, String text) {
        Path file = directory.resolve(kind + "-" + written++ + ".txt");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
