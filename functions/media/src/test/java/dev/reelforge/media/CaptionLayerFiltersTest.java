package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionLayerFiltersTest {

    @Test
    void aSquareBoxIsOneDrawbox() {
        assertThat(CaptionLayerFilters.box(10, 20, 100, 40, 0, "0x0000ff@1", "1"))
                .extracting(Filter::render)
                .containsExactly("drawbox=x=10:y=20:w=100:h=40:color=0x0000ff@1:t=fill:enable=1");
    }

    @Test
    void aRoundedBoxIsTheMiddleAndOneInsetRowPerCornerRowCoveringEachPixelOnce() {
        List<Filter> boxes = CaptionLayerFilters.box(10, 20, 100, 40, 4, "0x0000ff@0.5", "1");

        assertThat(boxes).hasSize(1 + 2 * 4);
        assertThat(boxes.getFirst().render()).isEqualTo("drawbox=x=10:y=24:w=100:h=32:color=0x0000ff@0.5:t=fill:enable=1");
        // the top row is inset most, the row next to the middle least; the bottom rows mirror them
        assertThat(boxes.get(1).render()).startsWith("drawbox=x=12:y=20:w=96:h=1:");
        assertThat(boxes.get(2).render()).startsWith("drawbox=x=12:y=59:w=96:h=1:");
        assertThat(boxes.get(7).render()).startsWith("drawbox=x=10:y=23:w=100:h=1:");
    }

    @Test
    void aRadiusLargerThanHalfTheBoxIsCappedAtIt() {
        assertThat(CaptionLayerFilters.box(0, 0, 100, 10, 50, "0x000000@1", "1")).hasSize(1 + 2 * 5);
    }
}
