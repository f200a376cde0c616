package dev.reelforge.core.pipeline;

import java.nio.file.Path;

/** Reads a fetched font file (TrueType or OpenType) far enough to know its family and that it can be drawn. */
public interface FontReader {

    FontReading read(Path file);

    sealed interface FontReading {

        /** The family its name table gives (the typographic family if it has one). */
        record Read(String family) implements FontReading {}

        /** Not a font that can be drawn; {@code reason} is fit to show the user. */
        record Unreadable(String reason) implements FontReading {}
    }
}
