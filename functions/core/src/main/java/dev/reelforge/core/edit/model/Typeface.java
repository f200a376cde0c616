package dev.reelforge.core.edit.model;

import java.nio.file.Path;

/**
 * What text is drawn with: a shipped {@link FontFace}, a family asked for by name that only the edit's
 * {@code timeline.fonts} can provide ({@link Requested}, known once the fonts are fetched), or such a family
 * resolved to its fetched file ({@link Loaded}).
 */
public sealed interface Typeface permits FontFace, Typeface.Requested, Typeface.Loaded {

    /** A family none of the shipped fonts answers to, looked for among the edit's {@code timeline.fonts}. */
    record Requested(String family) implements Typeface {}

    /** A font file fetched for this render, whose name table calls it {@code family}. */
    record Loaded(String family, Path file) implements Typeface {}
}
