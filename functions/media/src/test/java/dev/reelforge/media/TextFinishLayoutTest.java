package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.TextFinish;
import dev.reelforge.core.plan.Timing;
import dev.reelforge.core.plan.VisualLayer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text asset's newest properties in its layout: background padding and ellipsis. */
class TextFinishLayoutTest {

    private static final Size FRAME = new Size(1280, 720);
    private static final LiberationFonts FONTS = new LiberationFonts(Path.of("target", "test-fonts"));
    private static final SizedFont SANS_40 = FONTS.font(FontFace.SANS_REGULAR, 40);

    private static VisualLayer.Text text(String text, Optional<Integer> width, Optional<Integer> height,
            TextFinish finish) {
        return new VisualLayer.Text(new Timing(0, 1), Plans.PLAIN, text, FontFace.SANS_REGULAR, 40, 1.5, Color.WHITE,
                Optional.of(Color.BLACK), width, height, Asset.HorizontalAlign.LEFT, Asset.VerticalAlign.TOP,
                Position.CENTER, Offset.NONE, true, finish);
    }

    @Test
    void paddingSurroundsTheTextInsideItsBackground() {
        TextLayout unboxed = TextLayout.of(text("Hi", Optional.empty(), Optional.empty(),
                new TextFinish(30, Optional.empty(), 0, Optional.empty())), FRAME, SANS_40);
        assertThat(unboxed.boxWidth()).isEqualTo((int) Math.ceil(TextLayout.width("Hi", SANS_40)) + 60);
        assertThat(unboxed.innerX()).isEqualTo(unboxed.boxX() + 30);

        TextLayout boxed = TextLayout.of(text("the quick brown fox jumps", Optional.of(300), Optional.of(400),
                new TextFinish(50, Optional.empty(), 0, Optional.empty())), FRAME, SANS_40);
        assertThat(boxed.boxWidth()).isEqualTo(300);
        assertThat(boxed.innerWidth()).isEqualTo(200);
        assertThat(boxed.lines()).allSatisfy(line ->
                assertThat(TextLayout.width(line.text(), SANS_40)).isLessThanOrEqualTo(200));
    }

    @Test
    void anEllipsisEndsTheLastLineThatFitsTheBoxHeight() {
        // 40 px text 1.5 apart: a 100 px high box holds two lines (the second's extent ends near 60 + 46)
        TextLayout layout = TextLayout.of(text("one two three four five six seven eight", Optional.of(200),
                Optional.of(110), new TextFinish(0, Optional.empty(), 0, Optional.of("..."))), FRAME, SANS_40);

        assertThat(layout.lines()).hasSize(2);
        assertThat(layout.lines().get(1).text()).endsWith("...");
        assertThat(TextLayout.width(layout.lines().get(1).text(), SANS_40)).isLessThanOrEqualTo(200);

        TextLayout without = TextLayout.of(text("one two three four five six seven eight", Optional.of(200),
                Optional.of(110), TextFinish.NONE), FRAME, SANS_40);
        assertThat(without.lines()).hasSizeGreaterThan(2);
    }
}
