package dev.reelforge.core.edit.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The families a text asset may ask for: the shipped Liberation families, and the names they are
 * metric-compatible stand-ins for (Arial, Times New Roman, Courier New) or generic names.
 */
public enum FontFamily {
    SANS(FontFace.SANS_REGULAR, FontFace.SANS_BOLD),
    SERIF(FontFace.SERIF_REGULAR, FontFace.SERIF_BOLD),
    MONO(FontFace.MONO_REGULAR, FontFace.MONO_BOLD),
    // Shotstack's built-in families are one face each: no bolder face stands in for a heavier weight
    MONTSERRAT_SEMIBOLD(FontFace.MONTSERRAT_SEMIBOLD, FontFace.MONTSERRAT_SEMIBOLD),
    MONTSERRAT_EXTRABOLD(FontFace.MONTSERRAT_EXTRABOLD, FontFace.MONTSERRAT_EXTRABOLD);

    private static final Map<String, FontFamily> NAMES = Map.ofEntries(
            Map.entry("liberation sans", SANS), Map.entry("arial", SANS), Map.entry("helvetica", SANS),
            Map.entry("sans-serif", SANS),
            Map.entry("liberation serif", SERIF), Map.entry("times new roman", SERIF), Map.entry("times", SERIF),
            Map.entry("serif", SERIF),
            Map.entry("liberation mono", MONO), Map.entry("courier new", MONO), Map.entry("courier", MONO),
            Map.entry("monospace", MONO),
            Map.entry("montserrat semibold", MONTSERRAT_SEMIBOLD), Map.entry("montserrat extrabold", MONTSERRAT_EXTRABOLD));

    /** The names accepted, as users would write them. */
    public static final List<String> ACCEPTED_NAMES = List.of("Liberation Sans", "Arial", "Helvetica", "sans-serif",
            "Liberation Serif", "Times New Roman", "Times", "serif", "Liberation Mono", "Courier New", "Courier",
            "monospace", "Montserrat SemiBold", "Montserrat ExtraBold");

    private final FontFace regular;
    private final FontFace bold;

    FontFamily(FontFace regular, FontFace bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Weights of 600 and more are drawn bold: the shipped families have two weights. */
    public FontFace face(int weight) {
        return weight >= 600 ? bold : regular;
    }

    /**
     * The face for a weight and slant: the Liberation families have italics; a one-face family (Shotstack's
     * built-ins) answers its only face whatever is asked.
     */
    public FontFace face(int weight, boolean italic) {
        FontFace upright = face(weight);
        if (!italic || regular == bold) {
            return upright;
        }
        return FontFace.valueOf(name() + (weight >= 600 ? "_BOLD_ITALIC" : "_ITALIC"));
    }

    public static Optional<FontFamily> named(String name) {
        return Optional.ofNullable(NAMES.get(name.trim().toLowerCase(Locale.ROOT)));
    }
}
