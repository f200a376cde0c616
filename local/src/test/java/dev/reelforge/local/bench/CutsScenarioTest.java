package dev.reelforge.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.EditReader;
import dev.reelforge.core.edit.EditReading;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Clip;
import dev.reelforge.core.edit.model.ClipLength;
import dev.reelforge.core.edit.model.ClipStart;
import dev.reelforge.core.edit.model.Edit;
import dev.reelforge.core.edit.model.Soundtrack;
import dev.reelforge.core.edit.model.TransitionKind;
import dev.reelforge.core.edit.model.VolumeEffect;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.media.LoopbackFileServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cuts edit of {@code bench render} and its baseline, read against each other without rendering: the baseline
 * must make what the edit asks for, or the bench's ratio compares two different videos.
 */
class CutsScenarioTest {

    @TempDir
    Path directory;

    private final CutsScenario scenario = new CutsScenario();
    private LoopbackFileServer files;

    @BeforeEach
    void serve() {
        files = LoopbackFileServer.serve(directory.resolve("media"));
    }

    @AfterEach
    void stop() {
        files.close();
    }

    private Edit edit() throws Exception {
        JsonNode node = Json.MAPPER.readTree(scenario.edit(files));
        assertThat(new EditValidator().validate(node)).as("the bench's edit must be valid").isEmpty();
        EditReading reading = new EditReader().read(node);
        assertThat(reading).isInstanceOf(EditReading.Renderable.class);
        return ((EditReading.Renderable) reading).edit();
    }

    private List<Clip> clips() throws Exception {
        return edit().timeline().tracks().stream().flatMap(track -> track.clips().stream()).toList();
    }

    private static double start(Clip clip) {
        return ((ClipStart.At) clip.start()).seconds();
    }

    private static double length(Clip clip) {
        return ((ClipLength.Seconds) clip.length()).seconds();
    }

    @Test
    void theEditIsFourTrimsOfTwoSourcesCutTogetherOverThirtySeconds() throws Exception {
        List<Clip> clips = clips();

        assertThat(clips).hasSize(4).allSatisfy(clip -> assertThat(clip.asset()).isInstanceOf(Asset.Video.class));
        assertThat(clips.stream().map(clip -> ((Asset.Video) clip.asset()).src()).distinct()).hasSize(2);
        assertThat(clips.stream().mapToDouble(clip -> ((Asset.Video) clip.asset()).trim())).allMatch(trim -> trim > 0);
        assertThat(start(clips.getFirst())).isZero();
        for (int i = 1; i < clips.size(); i++) {
            assertThat(start(clips.get(i))).as("clip %d starts where the one before ends: a cut", i)
                    .isEqualTo(start(clips.get(i - 1)) + length(clips.get(i - 1)));
        }
        assertThat(start(clips.getLast()) + length(clips.getLast())).isEqualTo(RenderScenario.DURATION);
        assertThat(clips.stream().filter(clip -> clip.transitionIn().isPresent()))
                .isNotEmpty()
                .allSatisfy(clip -> assertThat(clip.transitionIn().orElseThrow().kind()).isEqualTo(TransitionKind.FADE));
    }

    @Test
    void theEditHasAMusicBedUnderTheClipsSound() throws Exception {
        Soundtrack bed = edit().timeline().soundtrack().orElseThrow();

        assertThat(bed.src()).isEqualTo(files.url("music.mp3"));
        assertThat(bed.volume()).isEqualTo(CutsScenario.BED_VOLUME).isLessThan(1);
        assertThat(bed.effect()).contains(VolumeEffect.FADE_IN_FADE_OUT);
    }

    @Test
    void theBaselineReadsEachClipFromItsTrimForItsLength() throws Exception {
        Path media = directory.resolve("media");
        List<String> expected = new ArrayList<>();
        for (Clip clip : clips()) {
            Asset.Video video = (Asset.Video) clip.asset();
            String name = Path.of(video.src().getPath()).getFileName().toString();
            expected.addAll(List.of("-ss", CutsScenario.number(video.trim()), "-t", CutsScenario.number(length(clip)),
                    "-i", "file:" + media.resolve(name).toAbsolutePath()));
        }
        expected.addAll(List.of("-t", "30", "-i", "file:" + media.resolve("music.mp3").toAbsolutePath()));

        assertThat(scenario.baselineInputs(media)).containsExactlyElementsOf(expected);
    }

    @Test
    void theBaselineFadesInExactlyTheClipsTheEditFadesIn() throws Exception {
        List<Clip> clips = clips();
        String graph = scenario.baselineGraph("fonts/unused.ttf");

        for (int i = 0; i < clips.size(); i++) {
            int index = i;
            String picture = graph.lines().filter(line -> line.startsWith("[" + index + ":v]"))
                    .findFirst().orElseThrow();
            if (clips.get(i).transitionIn().isPresent()) {
                assertThat(picture).contains("fade=t=in:st=0:d="
                        + CutsScenario.number(clips.get(i).transitionIn().orElseThrow().seconds()));
            } else {
                assertThat(picture).doesNotContain("fade");
            }
        }
        assertThat(graph).contains("concat=n=4:v=1:a=1[v][clips]")
                .contains("volume=" + CutsScenario.number(CutsScenario.BED_VOLUME)
                        + ",afade=t=in:st=0:d=2,afade=t=out:st=28:d=2")
                .contains("amix=inputs=2:duration=longest:dropout_transition=0:normalize=0");
    }

    @Test
    void theBaselineCommandRunsTheGraphAtTheFinalEncoderSettings() throws Exception {
        Path media = directory.resolve("media");
        RenderBaseline baseline = new RenderBaseline(Path.of("/opt/ffmpeg"), scenario, media,
                directory.resolve("baseline-cuts"));

        List<String> command = baseline.command();
        List<String> tail = new ArrayList<>(List.of("-filter_complex_script", "graph.txt", "-map", "[v]", "-map",
                "[s]"));
        tail.addAll(RenderScenario.FINAL_ENCODE);
        tail.add("baseline.mp4");

        assertThat(command.getFirst()).isEqualTo("/opt/ffmpeg");
        assertThat(command.subList(command.size() - tail.size(), command.size())).containsExactlyElementsOf(tail);
        assertThat(command).containsSequence(scenario.baselineInputs(media));
        assertThat(Files.readString(baseline.directory().resolve("graph.txt"), StandardCharsets.UTF_8))
                .isEqualTo(scenario.baselineGraph("unused"));
    }

    @Test
    void benchRenderOffersTheCutsEditByNameAmongTheOthers() {
        List<String> names = RenderScenario.all().stream().map(RenderScenario::name).toList();

        assertThat(names).contains("cuts", "compositing", "overlays").doesNotHaveDuplicates();
    }
}
