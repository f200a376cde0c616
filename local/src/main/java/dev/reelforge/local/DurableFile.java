package dev.reelforge.local;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the files the embedded stack's state lives in so that a kill, or the machine going down, leaves either
 * the old content or the new one, never a part: the bytes go to {@code <name>.partial} beside the file, are forced
 * to the disk, and the partial file is renamed over the file, the directory forced too. Writers of one file must
 * not overlap (they share the partial file); readers of a directory skip {@link #isPartial partial} files, which
 * a kill may leave behind.
 */
public final class DurableFile {

    private static final String PARTIAL = ".partial";

    private DurableFile() {}

    /** Replaces {@code file}'s content with {@code content}, as a whole. */
    public static void write(Path file, byte[] content) {
        Path partial = file.resolveSibling(file.getFileName() + PARTIAL);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // a stream, not a FileChannel: a channel is closed when its thread is interrupted (a stack stopping),
            // and a write begun is to finish
            try (FileOutputStream out = new FileOutputStream(partial.toFile())) {
                out.write(content);
                out.getFD().sync();
            }
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Whether {@code file} is a leftover of a {@link #write} that did not finish. */
    public static boolean isPartial(Path file) {
        return file.getFileName().toString().endsWith(PARTIAL);
    }

    /** Makes a rename in {@code directory} durable; where directories cannot be opened (Windows) the rename stays as it is. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported for directories here: the file's own content is forced, its name is up to the system
        }
    }
}
