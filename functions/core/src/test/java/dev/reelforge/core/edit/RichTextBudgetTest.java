package dev.reelforge.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.json.Json;
import dev.reelforge.core.plan.Planning;
import dev.reelforge.core.plan.RenderPlanner;
import dev.reelforge.core.validation.Violation;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drawing of rich-text animations is bounded before it is done: at submit, else when the render is planned. */
class RichTextBudgetTest {

    /** A rich-text clip in a box of the given size (the frame when 0), animated for {@code seconds}. */
    private static String clip(int width, int height, double seconds, String length) {
        String box = width > 0 ? ", \"width\": " + width + ", \"height\": " + height : "";
        return """
                {"asset": {"type": "rich-text", "text": "Hello", "animation": {"preset": "fadeIn", "duration": %s}},
                 "start": 0, "length": %s%s}""".formatted(seconds, length, box);
    }

    private static EditReading read(String clips, String output) throws Exception {
        var node = Json.MAPPER.readTree("""
                {"timeline": {"tracks": [{"clips": [%s]}, {"clips": [{"asset": {"type": "title", "text": "x"},
                  "start": 0, "length": 30}]}]},
                 "output": {"format": "mp4", %s}}""".formatted(clips, output));
        assertThat(new EditValidator().validate(node)).as("the test edit must be contract-valid").isEmpty();
        return new EditReader().read(node);
    }

    @Test
    void thirtySecondsOfA4kBoxAt60FpsIsRefusedAtSubmitNamingTheClipsAnimation() throws Exception {
        EditReading reading = read(clip(3840, 2160, 30, "30"), "\"resolution\": \"hd\", \"fps\": 60");

        assertThat(reading).isInstanceOf(EditReading.Unsupported.class);
        assertThat(((EditReading.Unsupported) reading).violations()).extracting(Violation::message)
                .singleElement().asString()
                .startsWith("timeline.tracks[0].clips[0].asset.animation brings the rich-text animations of this"
                        + " edit to 14,938 million pixels to draw")
                .contains("at most 4,000 million");
    }

    @Test
    void theAnimationsOfAnEditAddUpAndTheClipThatPassesTheBoundIsNamed() throws Exception {
        // each 1080p frame box animated 10 s at 30 fps: 301 frames of 2 million pixels, 0.62 billion; the seventh
        // passes 4 billion
        String clips = String.join(",", Collections.nCopies(8, clip(0, 0, 10, "12")));

        EditReading reading = read(clips, "\"resolution\": \"1080\", \"fps\": 30");

        assertThat(((EditReading.Unsupported) reading).violations()).extracting(Violation::message)
                .singleElement().asString().startsWith("timeline.tracks[0].clips[6].asset.animation brings");
    }

    @Test
    void aShortAnimationOrAShortClipIsDrawn() throws Exception {
        assertThat(read(clip(3840, 2160, 3, "30"), "\"resolution\": \"hd\", \"fps\": 60"))
                .as("3 s of a 4K box").isInstanceOf(EditReading.Renderable.class);
        assertThat(read(clip(3840, 2160, 30, "2"), "\"resolution\": \"hd\", \"fps\": 60"))
                .as("a 30 s animation on a 2 s clip draws 2 s").isInstanceOf(EditReading.Renderable.class);
    }

    @Test
    void aClipLastingToTheEndIsBoundedWhenTheRenderIsPlannedNamingIt() throws Exception {
        EditReading reading = read(clip(3840, 2160, 30, "\"end\""), "\"resolution\": \"hd\", \"fps\": 60");
        assertThat(reading).as("its length is not known at submit").isInstanceOf(EditReading.Renderable.class);

        Planning planning = new RenderPlanner().plan(((EditReading.Renderable) reading).edit(), Map.of());

        assertThat(planning).isInstanceOf(Planning.Unplannable.class);
        assertThat(((Planning.Unplannable) planning).reason())
                .startsWith("timeline.tracks[0].clips[0].asset.animation brings the rich-text animations");
    }
}
