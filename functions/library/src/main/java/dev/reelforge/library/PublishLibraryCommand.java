package dev.reelforge.library;

import java.nio.file.Path;
import java.util.Objects;

/** @param workDirectory where each track's PCM and M4A are made before they are written to the library */
public record PublishLibraryCommand(Path workDirectory) {

    public PublishLibraryCommand {
        Objects.requireNonNull(workDirectory, "workDirectory");
    }
}
