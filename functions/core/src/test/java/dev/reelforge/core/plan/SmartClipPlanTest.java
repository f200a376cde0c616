package dev.reelforge.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.EditReader;
import dev.reelforge.core.edit.EditReading;
import dev.reelforge.core.edit.model.Edit;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.media.MediaInfo;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Smart clip timing and the clip's own box, resolved into the plan. */
class SmartClipPlanTest {

    private static final URI VIDEO = URI.create("https://x.test/v.mp4");
    private static final URI IMAGE = URI.create("https://x.test/i.png");
    private static final Map<URI, MediaInfo> PROBES = Map.of(
            VIDEO, new MediaInfo(OptionalDouble.of(10), Optional.of(new MediaInfo.VideoStream(1920, 1080, 25, "h264")),
                    Optional.of(new MediaInfo.AudioStream(48000, 2, "aac")), 1000),
            IMAGE, new MediaInfo(OptionalDouble.empty(), Optional.of(new MediaInfo.VideoStream(400, 200, 0, "png")),
                    Optional.empty(), 100));

    private static Edit edit(String tracks) throws Exception {
        return ((EditReading.Renderable) new EditReader().read(Json.MAPPER.readTree("""
                {"timeline": {"tracks": [%s]}, "output": {"format": "mp4", "size": {"width": 1000, "height": 600}}}
                """.formatted(tracks)))).edit();
    }

    private static RenderPlan plan(String tracks) throws Exception {
        Planning planning = new RenderPlanner().plan(edit(tracks), PROBES);
        assertThat(planning).isInstanceOf(Planning.Planned.class);
        return ((Planning.Planned) planning).plan();
    }

    @Test
    void autoLastsThreeSecondsOnAssetsWithoutALengthAndAliasesCopyAnotherClipsStartAndLength() throws Exception {
        RenderPlan plan = plan("""
                {"clips": [{"asset": {"type": "text", "text": "t"}, "start": "alias://v", "length": "alias://v"}]},
                {"clips": [{"asset": {"type": "image", "src": "https://x.test/i.png"}, "start": 0, "length": "auto"},
                           {"asset": {"type": "video", "src": "https://x.test/v.mp4", "trim": 4}, "start": "auto",
                            "length": "auto", "alias": "v"}]}""");

        // layers bottom first: the image, the video, then the text over them
        assertThat(plan.layers().get(0).timing()).isEqualTo(new Timing(0, 3));
        assertThat(plan.layers().get(1).timing()).isEqualTo(new Timing(3, 6));
        assertThat(plan.layers().get(2).timing()).isEqualTo(new Timing(3, 6));
        assertThat(plan.duration()).isEqualTo(9);
    }

    @Test
    void theClipsBoxTakesThePlaceOfTheFrameForFitAndPosition() throws Exception {
        // a 400x200 image contained in a 300x300 box at the top left: 300x150, centred in the box
        Box contained = box("""
                "fit": "contain", "width": 300, "height": 300, "position": "topLeft\"""");
        assertThat(contained.scaledWidth()).isEqualTo(300);
        assertThat(contained.scaledHeight()).isEqualTo(150);
        assertThat(contained.x()).isEqualTo(0);
        assertThat(contained.y()).isEqualTo(75);
        // crop (the default) fills the 300x300 box, cutting the sides: 600x300 scaled, a 300x300 window
        Box cropped = box("""
                "width": 300, "height": 300, "position": "bottomRight\"""");
        assertThat(cropped.scaledWidth()).isEqualTo(600);
        assertThat(cropped.crop()).isEqualTo(new Box.Crop(150, 0, 300, 300));
        assertThat(cropped.x()).isEqualTo(700);
        assertThat(cropped.y()).isEqualTo(300);
        // only a width: the height is the frame's
        Box stretched = box("""
                "fit": "cover", "width": 500""");
        assertThat(stretched.scaledWidth()).isEqualTo(500);
        assertThat(stretched.scaledHeight()).isEqualTo(600);
        assertThat(stretched.x()).isEqualTo(250);
    }

    private static Box box(String clipExtra) throws Exception {
        RenderPlan plan = plan("""
                {"clips": [{"asset": {"type": "image", "src": "https://x.test/i.png"}, "start": 0, "length": 1, %s}]}"""
                .formatted(clipExtra));
        return ((VisualLayer.Picture) plan.layers().getFirst()).box();
    }
}
