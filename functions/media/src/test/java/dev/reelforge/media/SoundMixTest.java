package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoundMixTest {

    @Test
    void chainsTempoChangesBeyondWhatOneAtempoTakes() {
        assertThat(render(SoundMix.tempo(1))).isEmpty();
        assertThat(render(SoundMix.tempo(1.5))).containsExactly("atempo=tempo=1.5");
        assertThat(render(SoundMix.tempo(6))).containsExactly("atempo=tempo=2", "atempo=tempo=2", "atempo=tempo=1.5");
        assertThat(render(SoundMix.tempo(0.2))).containsExactly("atempo=tempo=0.5", "atempo=tempo=0.5",
                "atempo=tempo=0.8");
    }

    private static List<String> render(List<Filter> filters) {
        return filters.stream().map(Filter::render).toList();
    }
}
