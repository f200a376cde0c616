package dev.reelforge.core.pipeline;

import java.nio.file.Path;
import java.util.List;

/** Reads a fetched font file (TrueType or OpenType) far enough to know its family and that it can be drawn. */
public interface FontReader {

    FontReading read(Path file);

    sealed interface FontReading {

        /**
         * The family its name table gives (the typographic family if it has one), and the other names it gives the
         * font (the legacy family, e.g. "Roboto Black" where the typographic family is "Roboto", and the full
         * name), which edits name fonts by as well.
         */
        record Read(String family, List<String> aliases) implements FontReading {
            public Read {
                aliases = List.copyOf(aliases);
            }

            public Read(String family) {
                this(family, List.of());
            }
        }

        /** Not a font that can be drawn; {@code reason} is fit to show the user. */
        record Unreadable(String reason) implements FontReading {}
    }
}
