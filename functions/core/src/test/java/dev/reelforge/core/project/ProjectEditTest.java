package dev.reelforge.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.EditReader;
import dev.reelforge.core.edit.EditReading;
import dev.reelforge.core.edit.EditValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProjectEditTest {

    private static final StyleBook STYLES = StyleBook.shipped();
    private static final MediaResolver LONG_MUSIC = ProjectFixtures.musicOf(OptionalDouble.of(600));

    private static Style style(String name) {
        return STYLES.style(name).orElseThrow();
    }

    private static List<JsonNode> clips(JsonNode edit) {
        List<JsonNode> clips = new ArrayList<>();
        edit.path("timeline").path("tracks").forEach(track -> track.path("clips").forEach(clips::add));
        return clips;
    }

    private static double end(JsonNode edit) {
        return clips(edit).stream().mapToDouble(clip -> clip.path("start").asDouble() + clip.path("length").asDouble())
                .max().orElse(0);
    }

    private static List<String> texts(JsonNode edit) {
        return clips(edit).stream().map(clip -> clip.path("asset").path("text").asText(null))
                .filter(text -> text != null).toList();
    }

    @ParameterizedTest
    @EnumSource(ProjectQuality.class)
    void everyStylesEditPassesTheEditApisOwnValidationAtEveryQuality(ProjectQuality quality) {
        for (Style style : STYLES.all()) {
            for (MediaResolver music : List.of(LONG_MUSIC, ProjectFixtures.musicOf(OptionalDouble.of(4)),
                    ProjectFixtures.musicOf(OptionalDouble.empty()))) {
                JsonNode edit = ProjectEdit.of(ProjectFixtures.holiday(style.machineName(), quality), style, music);

                assertThat(new EditValidator().validate(edit)).as("%s at %s", style.machineName(), quality).isEmpty();
                assertThat(new EditReader().read(edit)).as("%s at %s", style.machineName(), quality)
                        .isInstanceOf(EditReading.Renderable.class);
            }
        }
    }

    @Test
    void textFramesWithOnlyATitleOrOnlyATextAreValidEditsInEveryStyle() {
        for (Style style : STYLES.all()) {
            Project project = ProjectFixtures.holiday(style.machineName(), ProjectQuality.Q480);
            List<Frame> frames = new ArrayList<>(project.frames());
            frames.add(new Frame.Text("Only a title", "", 0, 5));
            frames.add(new Frame.Text("", "Only a text", 0, 5));
            Project withTexts = new Project(project.name(), project.style(), project.quality(), frames,
                    project.music(), project.credits(), project.privacy());
            JsonNode edit = ProjectEdit.of(withTexts, style, LONG_MUSIC);

            assertThat(new EditValidator().validate(edit)).as(style.machineName()).isEmpty();
            assertThat(new EditReader().read(edit)).as(style.machineName()).isInstanceOf(EditReading.Renderable.class);
        }
    }

    @Test
    void everyStyleMakesADifferentEditOfTheSameProject() {
        Set<String> edits = new HashSet<>();
        for (Style style : STYLES.all()) {
            Project project = ProjectFixtures.holiday("any", ProjectQuality.Q360);
            edits.add(ProjectEdit.of(project, style, LONG_MUSIC).toString());
        }
        assertThat(edits).hasSize(STYLES.all().size());
    }

    @Test
    void framedAndFramelessVanillaDifferInFitAndScaleOfThePhotos() {
        Project project = ProjectFixtures.holiday("vanilla", ProjectQuality.Q360);
        JsonNode framed = clips(ProjectEdit.of(project, style("vanilla"), LONG_MUSIC)).stream()
                .filter(clip -> clip.path("asset").path("type").asText().equals("image")).findFirst().orElseThrow();
        JsonNode frameless = clips(ProjectEdit.of(project, style("vanilla_frameless"), LONG_MUSIC)).stream()
                .filter(clip -> clip.path("asset").path("type").asText().equals("image")).findFirst().orElseThrow();

        assertThat(framed.path("fit").asText()).isEqualTo("contain");
        assertThat(framed.path("scale").asDouble()).isLessThan(1);
        assertThat(frameless.path("fit").asText()).isEqualTo("crop");
        assertThat(frameless.path("scale").asDouble()).isEqualTo(1);
    }

    @Test
    void theVideoIsTheIntroThenEachFrameForTheSlideLengthThenTheCredits() {
        Style vanilla = style("vanilla");
        Project project = ProjectFixtures.holiday("vanilla", ProjectQuality.Q360);
        JsonNode edit = ProjectEdit.of(project, vanilla, LONG_MUSIC);

        // intro 3 s, 4 frames of 5 s, credits 4 s
        assertThat(ProjectEdit.length(project, vanilla)).isEqualTo(27);
        assertThat(end(edit)).isEqualTo(27);
        List<JsonNode> photos = clips(edit).stream()
                .filter(clip -> clip.path("asset").path("type").asText().equals("image")).toList();
        assertThat(photos).extracting(clip -> clip.path("start").asDouble()).containsExactly(3.0, 8.0, 18.0);
        assertThat(photos).extracting(clip -> clip.path("effect").asText())
                .containsExactly("zoomInSlow", "zoomOutSlow", "zoomInSlow");
        assertThat(texts(edit)).contains("Our holiday", "The beach", "Dinner", "Day two", "Up the hill",
                "Photos: Ana\nMusic: Reelforge");
    }

    @Test
    void aProjectWithoutCreditsEndsAfterItsLastFrame() {
        Style focus = style("focus");
        Project project = ProjectFixtures.holiday("focus", ProjectQuality.Q360);
        Project noCredits = new Project(project.name(), project.style(), project.quality(), project.frames(),
                project.music(), List.of(), project.privacy());

        assertThat(end(ProjectEdit.of(noCredits, focus, LONG_MUSIC))).isEqualTo(2 + 4 * 4);
        assertThat(texts(ProjectEdit.of(noCredits, focus, LONG_MUSIC))).noneMatch(text -> text.contains("Photos"));
    }

    @ParameterizedTest
    @EnumSource(ProjectQuality.class)
    void theOutputIsTheQualitysHeightIn16By9(ProjectQuality quality) {
        JsonNode output = ProjectEdit.of(ProjectFixtures.holiday("focus", quality), style("focus"), LONG_MUSIC)
                .path("output");

        assertThat(output.path("size").path("height").asInt()).isEqualTo(quality.height());
        assertThat(output.path("size").path("width").asInt()).isEqualTo(switch (quality) {
            case Q360 -> 640;
            case Q480 -> 854;
            case Q720 -> 1280;
        });
        assertThat(output.path("format").asText()).isEqualTo("mp4");
    }

    @Test
    void musicLongerThanTheVideoIsTheSoundtrackFadingOut() {
        JsonNode timeline = ProjectEdit.of(ProjectFixtures.holiday("vanilla", ProjectQuality.Q360), style("vanilla"),
                LONG_MUSIC).path("timeline");

        assertThat(timeline.path("soundtrack").path("src").asText()).isEqualTo("https://media.example.com/music.mp3");
        assertThat(timeline.path("soundtrack").path("effect").asText()).isEqualTo("fadeOut");
    }

    @Test
    void musicShorterThanTheVideoLoopsUnderAllOfItAndTheLastLoopFadesOut() {
        JsonNode edit = ProjectEdit.of(ProjectFixtures.holiday("vanilla", ProjectQuality.Q360), style("vanilla"),
                ProjectFixtures.musicOf(OptionalDouble.of(10)));

        assertThat(edit.path("timeline").has("soundtrack")).isFalse();
        List<JsonNode> loops = clips(edit).stream()
                .filter(clip -> clip.path("asset").path("type").asText().equals("audio")).toList();
        // 27 s of video: 10 + 10 + 7
        assertThat(loops).extracting(clip -> clip.path("start").asDouble()).containsExactly(0.0, 10.0, 20.0);
        assertThat(loops).extracting(clip -> clip.path("length").asDouble()).containsExactly(10.0, 10.0, 7.0);
        assertThat(loops).extracting(clip -> clip.path("asset").path("effect").asText(""))
                .containsExactly("", "", "fadeOut");
    }

    @Test
    void aProjectWithoutMusicIsSilent() {
        Project project = ProjectFixtures.holiday("vanilla", ProjectQuality.Q360);
        Project silent = new Project(project.name(), project.style(), project.quality(), project.frames(),
                Optional.empty(), project.credits(), project.privacy());
        JsonNode edit = ProjectEdit.of(silent, style("vanilla"), LONG_MUSIC);

        assertThat(edit.path("timeline").has("soundtrack")).isFalse();
        assertThat(StreamSupport.stream(edit.path("timeline").path("tracks").spliterator(), false)).hasSize(2);
    }

    @Test
    void textSizesFollowTheQuality() {
        JsonNode small = ProjectEdit.of(ProjectFixtures.holiday("vanilla", ProjectQuality.Q360), style("vanilla"), LONG_MUSIC);
        JsonNode large = ProjectEdit.of(ProjectFixtures.holiday("vanilla", ProjectQuality.Q720), style("vanilla"), LONG_MUSIC);

        int smallSize = clips(small).stream().filter(clip -> clip.path("asset").path("type").asText().equals("text"))
                .findFirst().orElseThrow().path("asset").path("font").path("size").asInt();
        int largeSize = clips(large).stream().filter(clip -> clip.path("asset").path("type").asText().equals("text"))
                .findFirst().orElseThrow().path("asset").path("font").path("size").asInt();
        assertThat(largeSize).isEqualTo(2 * smallSize);
    }
}
