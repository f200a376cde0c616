package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionLayerFiltersTest {

    @Test
    void aSquareBoxIsOneRectangle() {
        assertThat(CaptionLayerFilters.rectangles(10, 20, 100, 40, 0)).containsExactly(new int[] {10, 20, 100, 40});
    }

    @Test
    void aRoundedBoxIsTheMiddleAndOneInsetRowPerCornerRowCoveringEachPixelOnce() {
        List<int[]> rows = CaptionLayerFilters.rectangles(10, 20, 100, 40, 4);

        assertThat(rows).hasSize(1 + 2 * 4);
        assertThat(rows.getFirst()).containsExactly(10, 24, 100, 32);
        // the top row is inset most, the row next to the middle least; the bottom rows mirror them
        assertThat(rows.get(1)).containsExactly(12, 20, 96, 1);
        assertThat(rows.get(2)).containsExactly(12, 59, 96, 1);
        assertThat(rows.get(7)).containsExactly(10, 23, 100, 1);
    }

    @Test
    void aRadiusLargerThanHalfTheBoxIsCappedAtIt() {
        assertThat(CaptionLayerFilters.rectangles(0, 0, 100, 10, 50)).hasSize(1 + 2 * 5);
    }
}
