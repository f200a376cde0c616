package dev.reelforge.core.edit.model;

/**
 * The typefaces that ship with Reelforge, the same on a laptop and on Lambda, which has no system fonts: Liberation
 * (SIL Open Font License) and Shotstack's built-in text families (SIL Open Font License or Apache License 2.0, from
 * npm packages, see each folder's {@code SOURCE.txt}). Each face names the classpath resource of its TrueType file and
 * of the licence shipped beside it, so that every renderer (drawtext, Java2D, the HTML renderer) finds the same file.
 */
public enum FontFace implements Typeface {
    // Liberation: the files of the com.github.librepdf:openpdf-fonts-extra jar, in every jar that draws text
    SANS_REGULAR("liberation/LiberationSans-Regular.ttf", "liberation/LICENSE"),
    SANS_BOLD("liberation/LiberationSans-Bold.ttf", "liberation/LICENSE"),
    SANS_ITALIC("liberation/LiberationSans-Italic.ttf", "liberation/LICENSE"),
    SANS_BOLD_ITALIC("liberation/LiberationSans-BoldItalic.ttf", "liberation/LICENSE"),
    SERIF_REGULAR("liberation/LiberationSerif-Regular.ttf", "liberation/LICENSE"),
    SERIF_BOLD("liberation/LiberationSerif-Bold.ttf", "liberation/LICENSE"),
    SERIF_ITALIC("liberation/LiberationSerif-Italic.ttf", "liberation/LICENSE"),
    SERIF_BOLD_ITALIC("liberation/LiberationSerif-BoldItalic.ttf", "liberation/LICENSE"),
    MONO_REGULAR("liberation/LiberationMono-Regular.ttf", "liberation/LICENSE"),
    MONO_BOLD("liberation/LiberationMono-Bold.ttf", "liberation/LICENSE"),
    MONO_ITALIC("liberation/LiberationMono-Italic.ttf", "liberation/LICENSE"),
    MONO_BOLD_ITALIC("liberation/LiberationMono-BoldItalic.ttf", "liberation/LICENSE"),
    // Shotstack's built-in text fonts: these files are in the render worker's jar only (functions/pipeline)
    MONTSERRAT_SEMIBOLD("montserrat/Montserrat-SemiBold.ttf", "montserrat/Montserrat-OFL.txt"),
    MONTSERRAT_EXTRABOLD("montserrat/Montserrat-ExtraBold.ttf", "montserrat/Montserrat-OFL.txt"),
    ARAPEY_REGULAR("arapey/Arapey-Regular.ttf", "arapey/Arapey-OFL.txt"),
    CLEAR_SANS_REGULAR("clear-sans/ClearSans-Regular.ttf", "clear-sans/ClearSans-Apache.txt"),
    CLEAR_SANS_BOLD("clear-sans/ClearSans-Bold.ttf", "clear-sans/ClearSans-Apache.txt"),
    DIDACT_GOTHIC_REGULAR("didact-gothic/DidactGothic-Regular.ttf", "didact-gothic/DidactGothic-OFL.txt"),
    OPEN_SANS_REGULAR("open-sans/OpenSans-Regular.ttf", "open-sans/OpenSans-OFL.txt"),
    OPEN_SANS_BOLD("open-sans/OpenSans-Bold.ttf", "open-sans/OpenSans-OFL.txt"),
    OPEN_SANS_ITALIC("open-sans/OpenSans-Italic.ttf", "open-sans/OpenSans-OFL.txt"),
    OPEN_SANS_BOLD_ITALIC("open-sans/OpenSans-BoldItalic.ttf", "open-sans/OpenSans-OFL.txt"),
    PERMANENT_MARKER_REGULAR("permanent-marker/PermanentMarker-Regular.ttf",
            "permanent-marker/PermanentMarker-Apache.txt"),
    ROBOTO_REGULAR("roboto/Roboto-Regular.ttf", "roboto/Roboto-OFL.txt"),
    ROBOTO_BOLD("roboto/Roboto-Bold.ttf", "roboto/Roboto-OFL.txt"),
    ROBOTO_ITALIC("roboto/Roboto-Italic.ttf", "roboto/Roboto-OFL.txt"),
    ROBOTO_BOLD_ITALIC("roboto/Roboto-BoldItalic.ttf", "roboto/Roboto-OFL.txt"),
    SUE_ELLEN_FRANCISCO_REGULAR("sue-ellen-francisco/SueEllenFrancisco-Regular.ttf",
            "sue-ellen-francisco/SueEllenFrancisco-OFL.txt"),
    WORK_SANS_LIGHT("work-sans/WorkSans-Light.ttf", "work-sans/WorkSans-OFL.txt"),
    WORK_SANS_REGULAR("work-sans/WorkSans-Regular.ttf", "work-sans/WorkSans-OFL.txt"),
    WORK_SANS_BOLD("work-sans/WorkSans-Bold.ttf", "work-sans/WorkSans-OFL.txt"),
    INTER_REGULAR("inter/Inter-Regular.ttf", "inter/Inter-OFL.txt"),
    INTER_BOLD("inter/Inter-Bold.ttf", "inter/Inter-OFL.txt"),
    MANROPE_REGULAR("manrope/Manrope-Regular.ttf", "manrope/Manrope-OFL.txt"),
    MANROPE_BOLD("manrope/Manrope-Bold.ttf", "manrope/Manrope-OFL.txt");

    private final String resource;
    private final String licence;

    FontFace(String resource, String licence) {
        this.resource = resource;
        this.licence = licence;
    }

    /** The classpath resource of this face's TrueType file. */
    public String resource() {
        return resource;
    }

    /** The classpath resource of the licence that ships with the file. */
    public String licence() {
        return licence;
    }

    /** A Liberation face, in every jar that draws text; the others are in the render worker's jar only. */
    public boolean liberation() {
        return resource.startsWith("liberation/");
    }
}
