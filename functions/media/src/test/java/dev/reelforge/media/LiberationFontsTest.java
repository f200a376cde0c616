package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.FontFace;
import java.awt.Font;
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
    @EnumSource(FontFace.class)
    void givesEachFaceTheLiberationFontOfItsFamilyAndStyle(FontFace face) {
        LiberationFonts fonts = new LiberationFonts(directory);

        Path file = fonts.file(face);
        Font font = fonts.font(face, 20);

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
}
