package dev.reelforge.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The name a font of {@code timeline.fonts} also answers to: its file's, as Shotstack's templates use it. */
class FontFileStemTest {

    @Test
    void aFontsFileNameWithoutItsExtensionIsAFamilyItAnswersTo() {
        assertThat(FontsAndPages.fileStem(URI.create(
                "https://fonts.gstatic.com/s/montserrat/v31/JTUSjIg1_i6t8kCHKm45xW5rygbi49c.ttf")))
                .contains("JTUSjIg1_i6t8kCHKm45xW5rygbi49c");
        assertThat(FontsAndPages.fileStem(URI.create("https://x.test/fonts/Open%20Sans.otf?v=2"))).contains("Open Sans");
    }

    @Test
    void aUrlWithoutAFileNameGivesNone() {
        assertThat(FontsAndPages.fileStem(URI.create("https://x.test/fonts/"))).isEmpty();
        assertThat(FontsAndPages.fileStem(URI.create("https://x.test"))).isEmpty();
    }
}
