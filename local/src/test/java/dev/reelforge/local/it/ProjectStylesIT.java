package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.project.Credit;
import dev.reelforge.core.project.Frame;
import dev.reelforge.core.project.MediaRef;
import dev.reelforge.core.project.MediaResolver;
import dev.reelforge.core.project.MusicTrack;
import dev.reelforge.core.project.Privacy;
import dev.reelforge.core.project.Project;
import dev.reelforge.core.project.ProjectEdit;
import dev.reelforge.core.project.ProjectQuality;
import dev.reelforge.core.project.Style;
import dev.reelforge.core.project.StyleBook;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Picovico project (three photos, a caption, a text slide, a tone as music, credits) made into edits by two
 * styles and rendered through the Edit API with the development account's stage key: each output is as long as
 * the project in its style, at the quality's size, with the short tone looped to the end, and the two styles
 * look different on the same second of video.
 */
class ProjectStylesIT {

    private static final double TONE_SECONDS = 6;
    /** Both styles show the first photo, settled after its transition, at this time (docs/STYLES.md). */
    private static final double FIRST_PHOTO_TIME = 3.5;
    /**
     * Mean absolute difference per channel (0-255) above which two frames are told apart at a glance. The closest pair,
     * vanilla and vanilla_frameless (the same photo, with and without its border), measured 24; the others 84 to 107.
     */
    private static final double VISIBLY_DIFFERENT = 15;

    private static RenderTestStack stack;
    private static RenderPlayback playback;
    private static Project project;
    private static MediaResolver media;

    @BeforeAll
    static void startStackAndMedia() {
        stack = RenderTestStack.start();
        playback = stack.playback();
        List<Frame> frames = List.of(
                new Frame.Image(url(stack.media().image("red.png", "0xFF0000", 640, 360)), Optional.of("The beach"),
                        0, 5),
                new Frame.Image(url(stack.media().image("green.png", "0x00C000", 640, 360)), Optional.empty(), 5, 10),
                new Frame.Text("Day two", "Up the hill", 10, 15),
                new Frame.Image(url(stack.media().image("blue.png", "0x0000FF", 640, 360)), Optional.empty(), 15, 20));
        project = new Project(Optional.of("Our holiday"), Optional.empty(), ProjectQuality.Q360, frames,
                Optional.of(new MusicTrack(url(stack.media().tone("tone.mp3", 440, TONE_SECONDS)))),
                List.of(new Credit("Photos", "Ana")), Privacy.PUBLIC);
        media = ref -> new MediaResolver.ResolvedMedia(((MediaRef.Url) ref).url(), OptionalDouble.of(TONE_SECONDS));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static MediaRef url(Path file) {
        return new MediaRef.Url(URI.create(stack.url(file)));
    }

    private record Rendered(Style style, Path video) {}

    private static List<Rendered> render(String... styleNames) {
        StyleBook styles = StyleBook.shipped();
        List<Style> chosen = List.of(styleNames).stream().map(name -> styles.style(name).orElseThrow()).toList();
        List<String> ids = chosen.stream()
                .map(style -> stack.submit(Environment.STAGE, Json.write(ProjectEdit.of(project, style, media))))
                .toList();
        return java.util.stream.IntStream.range(0, chosen.size()).mapToObj(i -> {
            RenderTestStack.Watched done = stack.awaitFinished(Environment.STAGE, ids.get(i)).assertDone();
            return new Rendered(chosen.get(i), stack.download(done.render().path("url").asText(), "mp4"));
        }).toList();
    }

    private static List<Rendered> everyStyle;

    /** Each shipped style's render of the project, made once for the tests that look at them. */
    private static synchronized List<Rendered> everyStyle() {
        if (everyStyle == null) {
            everyStyle = render(StyleBook.shipped().all().stream().map(Style::machineName).toArray(String[]::new));
        }
        return everyStyle;
    }

    private static Rendered rendered(String style) {
        return everyStyle().stream().filter(output -> output.style().machineName().equals(style)).findFirst()
                .orElseThrow();
    }

    @Test
    void everyStyleLooksDifferentFromEveryOtherOnTheFirstPhoto() {
        List<Rendered> rendered = everyStyle();
        assertThat(rendered).extracting(output -> output.style().machineName())
                .containsExactlyInAnyOrder("vanilla", "vanilla_frameless", "focus", "party_default");
        for (int i = 0; i < rendered.size(); i++) {
            for (int j = i + 1; j < rendered.size(); j++) {
                RenderPlayback.Frame one = playback.frameAt(rendered.get(i).video(), FIRST_PHOTO_TIME);
                RenderPlayback.Frame other = playback.frameAt(rendered.get(j).video(), FIRST_PHOTO_TIME);
                assertThat(one.difference(other, 0, 0, 640, 360))
                        .as("mean difference of %s and %s at %s s", rendered.get(i).style().machineName(),
                                rendered.get(j).style().machineName(), FIRST_PHOTO_TIME)
                        .isGreaterThan(VISIBLY_DIFFERENT);
            }
        }
    }

    @Test
    void twoStylesRenderTheProjectAtItsLengthAndQualityAndLookDifferent() {
        Rendered party = rendered("party_default");
        Rendered focus = rendered("focus");
        List<Rendered> rendered = List.of(party, focus);

        for (Rendered output : rendered) {
            String name = output.style().machineName();
            assertThat(playback.duration(output.video())).as("duration of %s", name)
                    .isCloseTo(ProjectEdit.length(project, output.style()), within(0.2));
            RenderPlayback.Frame frame = playback.frameAt(output.video(), FIRST_PHOTO_TIME);
            assertThat(frame.width()).as("width of %s", name).isEqualTo(640);
            assertThat(frame.height()).as("height of %s", name).isEqualTo(360);
            double end = ProjectEdit.length(project, output.style());
            assertThat(playback.meanVolume(output.video(), end - 5, end - 3))
                    .as("mean volume (dB) of %s near its end, after the %s s tone has played twice", name, TONE_SECONDS)
                    .isGreaterThan(-40);
        }
        // party: 2 s intro, 3 s slides; focus: 2 s intro, 4 s slides
        assertThat(ProjectEdit.length(project, party.style())).isEqualTo(2 + 4 * 3 + 3);
        assertThat(ProjectEdit.length(project, focus.style())).isEqualTo(2 + 4 * 4 + 4);

        RenderPlayback.Frame partyFrame = playback.frameAt(party.video(), FIRST_PHOTO_TIME);
        RenderPlayback.Frame focusFrame = playback.frameAt(focus.video(), FIRST_PHOTO_TIME);
        // party shows the red photo at 90% on its purple (#3A0CA3): a purple band along the top
        assertThat(partyFrame.isAt(0.5, 0.01, 0x3A, 0x0C, 0xA3, 30)).as("party, top edge: %s",
                partyFrame.describeAt(0.5, 0.01)).isTrue();
        assertThat(partyFrame.red(320, 180)).as("party, centre: %s", partyFrame.describe(320, 180))
                .isGreaterThan(180);
        // focus shows the same photo full frame in greyscale: grey at the top edge and the centre
        for (double[] at : new double[][] {{0.5, 0.01}, {0.5, 0.5}}) {
            int x = focusFrame.x(at[0]);
            int y = focusFrame.y(at[1]);
            assertThat(Math.abs(focusFrame.red(x, y) - focusFrame.blue(x, y))).as("focus, grey: %s",
                    focusFrame.describe(x, y)).isLessThan(12);
            assertThat(focusFrame.red(x, y)).as("focus, not black: %s", focusFrame.describe(x, y))
                    .isGreaterThan(30);
        }
        assertThat(partyFrame.difference(focusFrame, 0, 0, 640, 300)).as("mean difference of the two frames")
                .isGreaterThan(40);
    }
}
