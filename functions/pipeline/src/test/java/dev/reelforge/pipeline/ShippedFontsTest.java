package dev.reelforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.media.LiberationFonts;
import java.awt.Font;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shotstack's built-in font families are in this jar only (the API jars have no room for them): every face the
 * text readers can pick is here, is the family, weight and slant its name says, and has its licence beside it.
 */
class ShippedFontsTest {

    @TempDir
    static Path directory;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MONTSERRAT_SEMIBOLD         | Montserrat          | 600 | false | SIL Open Font License
            MONTSERRAT_EXTRABOLD        | Montserrat          | 800 | false | SIL Open Font License
            ARAPEY_REGULAR              | Arapey              | 400 | false | SIL Open Font License
            CLEAR_SANS_REGULAR          | -                   | 400 | false | Apache License
            CLEAR_SANS_BOLD             | -                   | 700 | false | Apache License
            DIDACT_GOTHIC_REGULAR       | Didact Gothic       | 400 | false | SIL Open Font License
            OPEN_SANS_REGULAR           | Open Sans           | 400 | false | SIL Open Font License
            OPEN_SANS_BOLD              | Open Sans           | 700 | false | SIL Open Font License
            OPEN_SANS_ITALIC            | Open Sans           | 400 | true  | SIL Open Font License
            OPEN_SANS_BOLD_ITALIC       | Open Sans           | 700 | true  | SIL Open Font License
            PERMANENT_MARKER_REGULAR    | Permanent Marker    | 400 | false | Apache License
            ROBOTO_REGULAR              | Roboto              | 400 | false | SIL Open Font License
            ROBOTO_BOLD                 | Roboto              | 700 | false | SIL Open Font License
            ROBOTO_ITALIC               | Roboto              | 400 | true  | SIL Open Font License
            ROBOTO_BOLD_ITALIC          | Roboto              | 700 | true  | SIL Open Font License
            SUE_ELLEN_FRANCISCO_REGULAR | Sue Ellen Francisco | 400 | false | SIL Open Font License
            WORK_SANS_LIGHT             | Work Sans           | 300 | false | SIL Open Font License
            WORK_SANS_REGULAR           | Work Sans           | 400 | false | SIL Open Font License
            WORK_SANS_BOLD              | Work Sans           | 700 | false | SIL Open Font License
            INTER_REGULAR               | Inter               | 400 | false | SIL Open Font License
            INTER_BOLD                  | Inter               | 700 | false | SIL Open Font License
            MANROPE_REGULAR             | Manrope             | 400 | false | SIL Open Font License
            MANROPE_BOLD                | Manrope             | 700 | false | SIL Open Font License
            """)
    void eachBuiltInFaceIsTheFontItsNameSaysWithItsLicence(FontFace face, String family, int weight, boolean italic,
            String licence) throws Exception {
        Path file = new LiberationFonts(directory).file(face);
        Font font = Font.createFont(Font.TRUETYPE_FONT, file.toFile());
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        int os2 = table(bytes, "OS/2");

        // Clear Sans's package blanked its name table: the renderer names it itself
        if (!family.equals("-")) {
            assertThat(font.getFamily(Locale.ROOT)).startsWith(family);
        }
        assertThat(font.canDisplayUpTo("Reelforge \u00e9dits 0123456789!")).as("glyphs for Latin text").isEqualTo(-1);
        assertThat(bytes.getShort(os2 + 4) & 0xFFFF).as("usWeightClass").isEqualTo(weight);
        assertThat((bytes.getShort(os2 + 62) & 1) == 1).as("fsSelection italic").isEqualTo(italic);
        assertThat(directory.resolve(face.licence().substring(face.licence().lastIndexOf('/') + 1))).content()
                .contains(licence);
    }

    private static int table(ByteBuffer font, String tag) {
        for (int i = 0; i < (font.getShort(4) & 0xFFFF); i++) {
            int entry = 12 + 16 * i;
            String name = new String(new byte[] {font.get(entry), font.get(entry + 1), font.get(entry + 2),
                    font.get(entry + 3)}, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (name.equals(tag)) {
                return font.getInt(entry + 8);
            }
        }
        throw new AssertionError("no " + tag + " table");
    }
}
