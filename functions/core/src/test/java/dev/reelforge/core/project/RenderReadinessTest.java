package dev.reelforge.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenderReadinessTest {

    private static final StyleBook STYLES = StyleBook.shipped();

    private static Project holiday(String style) {
        return ProjectFixtures.holiday(style, ProjectQuality.Q360);
    }

    private static Project withStyle(Project project, Optional<String> style) {
        return new Project(project.name(), style, project.quality(), project.frames(), project.music(),
                project.credits(), project.privacy());
    }

    @Test
    void aCompleteProjectIsReadyWithItsStyle() {
        RenderReadiness readiness = RenderReadiness.of(holiday("party_default"), STYLES);

        assertThat(readiness).isInstanceOfSatisfying(RenderReadiness.Ready.class,
                ready -> assertThat(ready.style().machineName()).isEqualTo("party_default"));
    }

    @Test
    void aProjectWithoutAStyleIs7401() {
        assertThat(RenderReadiness.of(withStyle(holiday("vanilla"), Optional.empty()), STYLES))
                .isEqualTo(new RenderReadiness.Refused(7401, "Style not defined: the video has no style"));
    }

    @Test
    void aProjectWithAnUnknownStyleIs7401NamingIt() {
        assertThat(RenderReadiness.of(holiday("blinds"), STYLES)).isInstanceOfSatisfying(
                RenderReadiness.Refused.class, refused -> {
                    assertThat(refused.code()).isEqualTo(7401);
                    assertThat(refused.message()).contains("'blinds'");
                });
    }

    @Test
    void fewerPhotosThanTheStyleNeedsIs7403() {
        Project project = holiday("party_default");
        Project twoPhotos = new Project(project.name(), project.style(), project.quality(),
                List.of(ProjectFixtures.photo(0, "a"), ProjectFixtures.photo(1, null), new Frame.Text("t", "x", 10, 15)),
                project.music(), project.credits(), project.privacy());

        assertThat(RenderReadiness.of(twoPhotos, STYLES)).isEqualTo(new RenderReadiness.Refused(7403,
                "Insufficient assets: the style party_default needs at least 3 photo frames, the video has 2"));
        assertThat(RenderReadiness.of(withStyle(twoPhotos, Optional.of("vanilla")), STYLES))
                .isInstanceOf(RenderReadiness.Ready.class);
    }

    @Test
    void aProjectWithoutFramesIs7403() {
        Project empty = withStyle(Project.draft(Optional.of("Empty")), Optional.of("vanilla"));

        assertThat(RenderReadiness.of(empty, STYLES)).extracting(readiness -> ((RenderReadiness.Refused) readiness)
                .code()).isEqualTo(7403);
    }

    @Test
    void aProjectWithoutANameOrABlankOneIs7404() {
        Project project = holiday("vanilla");
        for (Optional<String> name : List.of(Optional.<String>empty(), Optional.of("  "))) {
            Project nameless = new Project(name, project.style(), project.quality(), project.frames(),
                    project.music(), project.credits(), project.privacy());

            assertThat(RenderReadiness.of(nameless, STYLES))
                    .isEqualTo(new RenderReadiness.Refused(7404, "No title: the video needs a name"));
        }
    }
}
