package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.Environment;
import dev.reelforge.local.LocalTemplate;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mediaconvert.model.Input;

/**
 * With {@code RenderChunkSeconds} set (AWS's default; {@code ./reelforge local --chunk-seconds N}), a video longer
 * than that is composed in chunks by invocations of ComposeChunkFunction, and its MediaConvert job joins them: the
 * output is the whole edit, frame for frame, with no gap in its sound where the chunks meet.
 */
class ChunkedCompositionIT {

    private static final double SECONDS = 12;
    private static final double FRAME = 1 / 25.0;

    private static RenderTestStack stack;

    @BeforeAll
    static void start() {
        stack = RenderTestStack.start(Map.of(LocalTemplate.CHUNK_SECONDS, "6"), true);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aVideoLongerThanTheChunkSizeIsComposedInTwoChunksThatItsJobJoinsIntoTheWholeEdit() {
        Path source = stack.media().video("moving.mp4", 512, 288, SECONDS, 440);
        Path music = stack.media().tone("music.mp3", 660, SECONDS);
        String edit = """
                {"timeline": {
                   "soundtrack": {"src": "%s", "effect": "fadeInFadeOut"},
                   "tracks": [
                     {"clips": [{"asset": {"type": "title", "text": "Across the cut"}, "start": 3, "length": 6}]},
                     {"clips": [{"asset": {"type": "video", "src": "%s", "volume": 0.5}, "start": 0,
                                 "length": %s, "transition": {"in": "fade", "out": "fade"}}]}]},
                 "output": {"format": "mp4", "resolution": "preview", "fps": 25}}
                """.formatted(stack.url(music), stack.url(source), SECONDS);

        RenderTestStack.Watched render = stack.render(Environment.V1, edit);

        Path mp4 = stack.download(render.assertDone().render().path("url").asText(), "mp4");
        RenderPlayback playback = stack.playback();
        assertThat(playback.probe(mp4).duration().orElseThrow()).isCloseTo(SECONDS, within(0.05));
        assertThat(playback.frameCount(mp4)).isEqualTo((int) Math.round(SECONDS * 25));
        assertThat(playback.probe(mp4).hasAudio()).isTrue();

        List<Input> inputs = stack.jobOf(render.render().path("id").asText()).settings().inputs();
        assertThat(inputs).as("one input per chunk, in order").hasSize(2);
        assertThat(URI.create(inputs.get(0).fileInput()).getPath()).endsWith("/chunk-1-of-2.mov");
        assertThat(URI.create(inputs.get(1).fileInput()).getPath()).endsWith("/chunk-2-of-2.mov");

        // each frame at the cut shows the source's frame of the same time, not its neighbour's
        for (double at : new double[] {6 - FRAME, 6}) {
            RenderPlayback.Frame shown = playback.frameAt(mp4, at + FRAME / 2);
            double same = difference(shown, playback.frameAt(source, at + FRAME / 2));
            assertThat(same).as("frame at %.2f s against the source's frame before it", at)
                    .isLessThan(difference(shown, playback.frameAt(source, at - FRAME / 2)));
            assertThat(same).as("frame at %.2f s against the source's frame after it", at)
                    .isLessThan(difference(shown, playback.frameAt(source, at + 3 * FRAME / 2)));
        }
        assertThat(playback.meanVolume(mp4, 5.8, 6.2)).as("no gap in the sound where the chunks meet")
                .isGreaterThan(playback.meanVolume(mp4, 4, 5) - 3);
    }

    /** Mean absolute difference of the top left quarter of two frames (the title is in the middle). */
    private static double difference(RenderPlayback.Frame a, RenderPlayback.Frame b) {
        long sum = 0;
        int count = 0;
        for (int y = 0; y < a.height() / 4; y++) {
            for (int x = 0; x < a.width() / 4; x++) {
                sum += Math.abs(a.red(x, y) - b.red(x, y)) + Math.abs(a.green(x, y) - b.green(x, y))
                        + Math.abs(a.blue(x, y) - b.blue(x, y));
                count += 3;
            }
        }
        return (double) sum / count;
    }

}
