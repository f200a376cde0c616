package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.FontFace;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrueTypeOutlinesTest {

    private static final Path SANS = new LiberationFonts(Path.of("target", "test-fonts")).file(FontFace.SANS_REGULAR);

    @TempDir
    Path directory;

    @Test
    void aCapitalStandsOnTheBaselineAtTheFontsCapHeight() {
        TrueTypeOutlines font = TrueTypeOutlines.read(SANS);
        Rectangle2D h = font.outline(font.glyph('H'), 100, 10, 200).getBounds2D();

        assertThat(h.getMaxY()).as("on the baseline").isCloseTo(200, within(0.5));
        assertThat(h.getHeight()).as("Liberation Sans' cap height, 0.69 em").isCloseTo(69, within(2.0));
        assertThat(h.getMinX()).as("after its left side bearing").isGreaterThan(10);
        assertThat(font.advance(font.glyph('H'), 100)).as("its advance, 0.72 em").isCloseTo(72.2, within(0.5));
    }

    @Test
    void aTruncatedFontFailsAsUnreadableNotWithAnIndexError() throws Exception {
        byte[] whole = Files.readAllBytes(SANS);
        for (int percent : new int[] {30, 50, 70}) {
            Path truncated = Files.write(directory.resolve("truncated-" + percent + ".ttf"),
                    Arrays.copyOf(whole, whole.length * percent / 100));

            assertThatThrownBy(() -> {
                TrueTypeOutlines font = TrueTypeOutlines.read(truncated);
                for (int glyph = 0; glyph < 4000; glyph++) {
                    font.outline(glyph, 24, 0, 24);
                }
            }).as("cut at %d%%", percent).isInstanceOf(IllegalStateException.class);
        }
    }
}
