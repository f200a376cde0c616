package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.plan.Timing;
import dev.reelforge.core.plan.VisualLayer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextLayoutTest {

    private static final Size FRAME = new Size(1280, 720);
    private static final LiberationFonts FONTS = new LiberationFonts(Path.of("target", "test-fonts"));
    private static final SizedFont SANS_40 = FONTS.font(FontFace.SANS_REGULAR, 40);

    private static VisualLayer.Text text(String text, Position position, Offset offset, Optional<Integer> width,
            Optional<Integer> height, Optional<Color> background, boolean wrap) {
        return new VisualLayer.Text(new Timing(0, 1), Plans.PLAIN, text, FontFace.SANS_REGULAR, 40, 1.5, Color.WHITE,
                background, width, height, Asset.HorizontalAlign.CENTER, Asset.VerticalAlign.TOP, position, offset, wrap);
    }

    @Test
    void wrapsWordsToTheWidth() {
        List<String> lines = TextLayout.wrap("the quick brown fox jumps over the lazy dog", 250, SANS_40);

        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(lines).allSatisfy(line -> assertThat(TextLayout.width(line, SANS_40)).isLessThanOrEqualTo(250));
        assertThat(String.join(" ", lines)).isEqualTo("the quick brown fox jumps over the lazy dog");
    }

    @Test
    void breaksAWordWiderThanTheWidthBetweenCharacters() {
        List<String> lines = TextLayout.wrap("Donaudampfschifffahrtsgesellschaft", 200, SANS_40);

        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines).allSatisfy(line -> assertThat(TextLayout.width(line, SANS_40)).isLessThanOrEqualTo(200));
        assertThat(String.join("", lines)).isEqualTo("Donaudampfschifffahrtsgesellschaft");
    }

    @Test
    void keepsTheTextsOwnLinesLineHeightApart() {
        TextLayout layout = TextLayout.of(text("one\ntwo\n\nfour", Position.CENTER, Offset.NONE, Optional.empty(),
                Optional.empty(), Optional.empty(), false), FRAME, SANS_40);

        assertThat(layout.lines()).extracting(TextLayout.Line::text).containsExactly("one", "two", "", "four");
        assertThat(layout.lines().get(1).baseline() - layout.lines().get(0).baseline()).isCloseTo(60, within(1));
        assertThat(layout.lines().get(3).baseline() - layout.lines().get(0).baseline()).isCloseTo(180, within(1));
    }

    @Test
    void wrapsToTheFrameWidthWhenTheBoxHasNone() {
        String long_ = "word ".repeat(80).strip();

        TextLayout layout = TextLayout.of(text(long_, Position.CENTER, Offset.NONE, Optional.empty(), Optional.empty(),
                Optional.empty(), true), FRAME, SANS_40);

        assertThat(layout.lines()).hasSizeGreaterThan(2);
        assertThat(layout.boxWidth()).isLessThanOrEqualTo(FRAME.width());
    }

    @Test
    void anchorsAGivenBoxAtItsPositionFlushWithTheEdges() {
        TextLayout topLeft = TextLayout.of(text("Hi", Position.TOP_LEFT, Offset.NONE, Optional.of(200),
                Optional.of(100), Optional.empty(), false), FRAME, SANS_40);
        TextLayout bottomRight = TextLayout.of(text("Hi", Position.BOTTOM_RIGHT, Offset.NONE, Optional.of(200),
                Optional.of(100), Optional.empty(), false), FRAME, SANS_40);
        TextLayout centre = TextLayout.of(text("Hi", Position.CENTER, Offset.NONE, Optional.of(200),
                Optional.of(100), Optional.empty(), false), FRAME, SANS_40);

        assertThat(topLeft.boxX()).isZero();
        assertThat(topLeft.boxY()).isZero();
        assertThat(bottomRight.boxX() + 200).isEqualTo(1280);
        assertThat(bottomRight.boxY() + 100).isEqualTo(720);
        assertThat(centre.boxX()).isEqualTo(540);
        assertThat(centre.boxY()).isEqualTo(310);
    }

    @Test
    void anchorsTextWithoutABoxKeepingAMarginFromTheEdgesAlongTheSidesTheBoxDoesNotGive() {
        int margin = (int) Math.round(0.04 * 720);

        TextLayout bare = TextLayout.of(text("Hi", Position.TOP_LEFT, Offset.NONE, Optional.empty(),
                Optional.empty(), Optional.empty(), false), FRAME, SANS_40);
        TextLayout wide = TextLayout.of(text("Hi", Position.BOTTOM_RIGHT, Offset.NONE, Optional.of(200),
                Optional.empty(), Optional.empty(), false), FRAME, SANS_40);

        assertThat(bare.boxX()).isEqualTo(margin);
        assertThat(bare.boxY()).isEqualTo(margin);
        assertThat(wide.boxX() + 200).as("the given width: flush").isEqualTo(1280);
        assertThat(wide.boxY() + wide.boxHeight()).as("the text's own height: the margin").isEqualTo(720 - margin);
    }

    @Test
    void movesTheBoxRightAndUpByTheOffset() {
        TextLayout centre = TextLayout.of(text("Hi", Position.CENTER, new Offset(0.1, 0.2), Optional.of(200),
                Optional.of(100), Optional.empty(), false), FRAME, SANS_40);

        assertThat(centre.boxX()).isEqualTo(540 + 128);
        assertThat(centre.boxY()).isEqualTo(310 - 144);
    }

    @Test
    void padsTheBoxOfTextWithABackground() {
        TextLayout bare = TextLayout.of(text("Hi", Position.CENTER, Offset.NONE, Optional.empty(), Optional.empty(),
                Optional.empty(), false), FRAME, SANS_40);
        TextLayout band = TextLayout.of(text("Hi", Position.CENTER, Offset.NONE, Optional.empty(), Optional.empty(),
                Optional.of(Color.BLACK), false), FRAME, SANS_40);

        assertThat(band.boxWidth() - bare.boxWidth()).isEqualTo(32);
        assertThat(band.boxHeight() - bare.boxHeight()).isEqualTo(16);
        assertThat(band.lines().get(0).baseline()).isEqualTo(bare.lines().get(0).baseline());
    }
}
