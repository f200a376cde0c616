package dev.reelforge.core.edit.model;

import static dev.reelforge.core.edit.model.FontFace.*;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The families a text asset may ask for without {@code timeline.fonts}: the shipped Liberation families, with the
 * names they are metric-compatible stand-ins for (Arial, Times New Roman, Courier New) or generic names; and
 * Shotstack's built-in text families, by the names its text guide and its own templates use. A name is matched
 * ignoring case and spaces ("OpenSans Bold" is "Open Sans Bold"). A name that includes a weight (Montserrat
 * SemiBold, OpenSans Bold, WorkSans Light, Arapey Regular) is that one face at any weight; a family's own name picks
 * its face by weight and slant among those shipped.
 */
public enum FontFamily {
    SANS(faces(SANS_REGULAR, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC),
            "Liberation Sans", "Arial", "Helvetica", "sans-serif"),
    SERIF(faces(SERIF_REGULAR, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC),
            "Liberation Serif", "Times New Roman", "Times", "serif"),
    MONO(faces(MONO_REGULAR, MONO_BOLD, MONO_ITALIC, MONO_BOLD_ITALIC),
            "Liberation Mono", "Courier New", "Courier", "monospace"),
    MONTSERRAT_SEMIBOLD(only(FontFace.MONTSERRAT_SEMIBOLD), "Montserrat SemiBold"),
    MONTSERRAT_EXTRABOLD(only(FontFace.MONTSERRAT_EXTRABOLD), "Montserrat ExtraBold"),
    ARAPEY(only(ARAPEY_REGULAR), "Arapey Regular", "Arapey"),
    CLEAR_SANS(faces(CLEAR_SANS_REGULAR, CLEAR_SANS_BOLD), "Clear Sans"),
    DIDACT_GOTHIC(only(DIDACT_GOTHIC_REGULAR), "Didact Gothic"),
    OPEN_SANS(faces(OPEN_SANS_REGULAR, FontFace.OPEN_SANS_BOLD, OPEN_SANS_ITALIC, OPEN_SANS_BOLD_ITALIC), "Open Sans"),
    OPEN_SANS_BOLD(faces(FontFace.OPEN_SANS_BOLD, FontFace.OPEN_SANS_BOLD, OPEN_SANS_BOLD_ITALIC,
            OPEN_SANS_BOLD_ITALIC), "OpenSans Bold"),
    PERMANENT_MARKER(only(PERMANENT_MARKER_REGULAR), "Permanent Marker"),
    ROBOTO(faces(ROBOTO_REGULAR, ROBOTO_BOLD, ROBOTO_ITALIC, ROBOTO_BOLD_ITALIC), "Roboto"),
    SUE_ELLEN_FRANCISCO(only(SUE_ELLEN_FRANCISCO_REGULAR), "Sue Ellen Francisco"),
    WORK_SANS(new Faces(FontFace.WORK_SANS_LIGHT, WORK_SANS_REGULAR, WORK_SANS_BOLD, WORK_SANS_REGULAR, WORK_SANS_BOLD),
            "Work Sans"),
    WORK_SANS_LIGHT(only(FontFace.WORK_SANS_LIGHT), "WorkSans Light"),
    INTER(faces(INTER_REGULAR, INTER_BOLD), "Inter"),
    MANROPE(faces(MANROPE_REGULAR, MANROPE_BOLD), "Manrope");

    /** The faces of a family: light for weights to 300, bold from 600, the italics where the family has them. */
    private record Faces(FontFace light, FontFace regular, FontFace bold, FontFace italic, FontFace boldItalic) {}

    private static Faces faces(FontFace regular, FontFace bold, FontFace italic, FontFace boldItalic) {
        return new Faces(regular, regular, bold, italic, boldItalic);
    }

    private static Faces faces(FontFace regular, FontFace bold) {
        return faces(regular, bold, regular, bold);
    }

    private static Faces only(FontFace face) {
        return faces(face, face);
    }

    private static final Map<String, FontFamily> NAMES = new HashMap<>();

    static {
        for (FontFamily family : values()) {
            family.names.forEach(name -> NAMES.put(key(name), family));
        }
    }

    /** The names accepted, as users would write them. */
    public static final List<String> ACCEPTED_NAMES = Arrays.stream(values())
            .flatMap(family -> family.names.stream()).toList();

    /**
     * Shotstack's one built-in family that is not shipped: UniNeue is a commercial font (Fontfabric), which Reelforge
     * has no licence to redistribute; an edit may bring its file in {@code timeline.fonts}.
     */
    public static final String NOT_SHIPPED = "UniNeue";

    private final Faces faces;
    private final List<String> names;

    FontFamily(Faces faces, String... names) {
        this.faces = faces;
        this.names = List.of(names);
    }

    /** The names this family answers to, the first the one it is best known by. */
    public List<String> names() {
        return names;
    }

    /** Weights of 600 and more are drawn bold, of 300 and less light where the family has a light face. */
    public FontFace face(int weight) {
        return weight >= 600 ? faces.bold() : weight <= 300 ? faces.light() : faces.regular();
    }

    /** The face for a weight and slant; a family without italics answers its upright face. */
    public FontFace face(int weight, boolean italic) {
        if (!italic) {
            return face(weight);
        }
        return weight >= 600 ? faces.boldItalic() : faces.italic();
    }

    public static Optional<FontFamily> named(String name) {
        return Optional.ofNullable(NAMES.get(key(name)));
    }

    /** Why {@code name} is refused, naming the families there are. */
    public static String unavailable(String name) {
        String why = key(name).equals(key(NOT_SHIPPED)) ? " (UniNeue is a commercial font that cannot be shipped:"
                + " add its file in timeline.fonts)" : "";
        return "'" + name + "' is not an available font" + why + "; available: " + String.join(", ", ACCEPTED_NAMES);
    }

    private static String key(String name) {
        return name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
