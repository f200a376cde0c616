package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.FontFace;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LiberationFontsTest {

    @TempDir
    static Path directory;

    @ParameterizedTest
    // Shotstack's built-in faces are in the render worker's jar, not this module's: ShippedFontsTest reads them
    @EnumSource(value = FontFace.class, names = "(SANS|SERIF|MONO)_.*", mode = EnumSource.Mode.MATCH_ALL)
    void givesEachFaceTheLiberationFontOfItsFamilyAndStyle(FontFace face) throws Exception {
        LiberationFonts fonts = new LiberationFonts(directory);

        Path file = fonts.file(face);
        Font font = Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(20f);

        assertThat(file).isRegularFile().hasParent(directory);
        String family = face.name().split("_")[0];
        String name = font.getFontName(Locale.ROOT).toUpperCase(Locale.ROOT);
        assertThat(name).startsWith("LIBERATION " + family);
        assertThat(name.contains("BOLD")).isEqualTo(face.name().contains("BOLD"));
        assertThat(name.contains("ITALIC")).isEqualTo(face.name().contains("ITALIC"));
        assertThat(font.getSize2D()).isEqualTo(20);
    }

    @Test
    void shipsTheLicenceWithTheFonts() {
        new LiberationFonts(directory).file(FontFace.MONO_BOLD);

        assertThat(directory.resolve("LICENSE")).content().contains("SIL Open Font License");
    }

    @Test
    void measuresBoldTextWiderThanRegular() {
        LiberationFonts fonts = new LiberationFonts(directory);

        double regular = TextLayout.width("Reelforge", fonts.font(FontFace.SANS_REGULAR, 40));
        double bold = TextLayout.width("Reelforge", fonts.font(FontFace.SANS_BOLD, 40));

        assertThat(bold).isGreaterThan(regular);
    }

    /** AWT, which the product does not use (Lambda lacks its FreeType), is the independent measure here. */
    @ParameterizedTest
    // Shotstack's built-in faces are in the render worker's jar, not this module's: ShippedFontsTest reads them
    @EnumSource(value = FontFace.class, names = "(SANS|SERIF|MONO)_.*", mode = EnumSource.Mode.MATCH_ALL)
    void measuresTextAsTheFontsOwnMetricsSay(FontFace face) throws Exception {
        LiberationFonts fonts = new LiberationFonts(directory);
        FontRenderContext context = new FontRenderContext(null, true, true);
        Font awt = Font.createFont(Font.TRUETYPE_FONT, fonts.file(face).toFile()).deriveFont(48f);
        String text = "Reelforge renders \u00e9dits, 0123456789!";

        double expected = awt.createGlyphVector(context, text).getLogicalBounds().getWidth();
        SizedFont measured = fonts.font(face, 48);

        assertThat(measured.width(text))
                .isCloseTo(expected, within(expected * 0.01));
        assertThat(measured.ascent())
                .isCloseTo(awt.getLineMetrics("Hg", context).getAscent(), within(1.0));
    }
}
