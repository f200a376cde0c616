package dev.reelforge.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A download in progress: bytes go to a temporary file in the target's directory and are moved onto
 * the target only once complete, so a reader never sees a half-written source under the target's name
 * and a refused or failed download leaves nothing behind. Closing without {@link #commit()} deletes the
 * temporary file.
 */
final class TargetFile implements AutoCloseable {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path target;
    private final Path temporary;
    private final OutputStream output;
    private boolean committed;

    private TargetFile(Path target, Path temporary, OutputStream output) {
        this.target = target;
        this.temporary = temporary;
        this.output = output;
    }

    static TargetFile beside(Path target) {
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            // Same directory, so the final move is a rename on the same file system.
            temporary = Files.createTempFile(absolute.getParent(), ".reelforge-fetch-", ".part");
            return new TargetFile(absolute, temporary, Files.newOutputStream(temporary));
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new TargetFileException("cannot create a file beside " + absolute, e);
        }
    }

    /**
     * Copies {@code source} into the file, reading at most {@code limit + 1} bytes: a result above
     * {@code limit} means the source is larger than allowed and was not read to its end. Failures to
     * read the source propagate as {@link IOException}; failures to write are {@link TargetFileException}.
     */
    long fill(InputStream source, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        while (total <= limit) {
            int wanted = (int) Math.min(buffer.length, limit + 1 - total);
            int read = source.read(buffer, 0, wanted);
            if (read < 0) {
                break;
            }
            total += read;
            if (total <= limit) {
                write(buffer, read);
            }
        }
        return total;
    }

    private void write(byte[] buffer, int length) {
        try {
            output.write(buffer, 0, length);
        } catch (IOException e) {
            throw new TargetFileException("cannot write " + temporary, e);
        }
    }

    /** Moves the completed file onto the target, replacing whatever was there. */
    void commit() {
        try {
            output.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new TargetFileException("cannot move " + temporary + " to " + target, e);
        }
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            output.close();
        } catch (IOException e) {
            // The file is being thrown away; a failure to flush it does not matter.
        }
        deleteQuietly(temporary);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: the directory is the render's scratch space and is discarded with it.
        }
    }
}
