package dev.reelforge.core.edit.model;

/**
 * The typefaces that ship with Reelforge (Liberation, SIL Open Font License), the same on a laptop and on
 * Lambda, which has no system fonts. The renderer maps each face to its file.
 */
public enum FontFace implements Typeface {
    SANS_REGULAR, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC,
    SERIF_REGULAR, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC,
    MONO_REGULAR, MONO_BOLD, MONO_ITALIC, MONO_BOLD_ITALIC
}
