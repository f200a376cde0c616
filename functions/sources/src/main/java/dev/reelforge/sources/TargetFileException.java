package dev.reelforge.sources;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fetched bytes could not be written beside or moved onto the target (disk full, no permission):
 * a fault of this machine, not of the source, so it is thrown rather than refused.
 */
public final class TargetFileException extends UncheckedIOException {

    public TargetFileException(String message, IOException cause) {
        super(message, cause);
    }
}
