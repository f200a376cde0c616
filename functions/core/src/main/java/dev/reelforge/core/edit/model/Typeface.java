package dev.reelforge.core.edit.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What text is drawn with: a shipped {@link FontFace}, a family asked for by name that the edit's
 * {@code timeline.fonts} may provide ({@link Requested}, known once the fonts are fetched), or such a family
 * resolved to its fetched file ({@link Loaded}).
 */
public sealed interface Typeface permits FontFace, Typeface.Requested, Typeface.Loaded {

    /**
     * A family looked for among the edit's {@code timeline.fonts}: one none of the shipped fonts answers to, or a
     * shipped one ({@code shipped}, drawn when none of the edit's fonts has that family: the edit's own file wins).
     */
    record Requested(String family, Optional<FontFace> shipped) implements Typeface {

        /** A family only the edit's fonts can provide. */
        public Requested(String family) {
            this(family, Optional.empty());
        }
    }

    /** A font file fetched for this render, whose name table calls it {@code family}. */
    record Loaded(String family, Path file) implements Typeface {}
}
