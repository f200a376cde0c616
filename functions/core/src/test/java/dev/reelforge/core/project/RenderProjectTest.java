package dev.reelforge.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.InMemoryRenders;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.render.EditChecks;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.Rendition;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RenderProjectTest {

    private static final String OWNER = "owner-1";
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final InMemoryRenders renders = new InMemoryRenders();
    private final InMemoryProjects projects = new InMemoryProjects(renders);
    private final Map<String, ProjectMedia.FoundMedia> photos = new HashMap<>();
    private final Map<String, ProjectMedia.FoundMedia> tracks = new HashMap<>();
    private final ProjectMedia media = new ProjectMedia() {
        @Override
        public Optional<FoundMedia> photo(String owner, Environment environment, String id) {
            return Optional.ofNullable(photos.get(id));
        }

        @Override
        public Optional<FoundMedia> music(String owner, Environment environment, String id) {
            return Optional.ofNullable(tracks.get(id));
        }
    };
    private final UUID renderId = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private final RenderProject renderProject = new RenderProject(projects, StyleBook.shipped(), media,
            new EditChecks(new EditValidator(), url -> url.getHost().endsWith(".internal")
                    ? Optional.of(url.getHost() + " is a private address, which is not called") : Optional.empty()),
            projects, Clock.fixed(NOW, ZoneOffset.UTC), () -> renderId);

    private StoredProject draft(Project project, Optional<URI> callback) {
        StoredProject draft = new StoredProject(ProjectId.generate(NOW, new Random(1)), OWNER, Environment.STAGE,
                ProjectStatus.INITIAL, project, callback, NOW, NOW, 1);
        assertThat(projects.addDraft(draft)).isTrue();
        return draft;
    }

    private RenderProjectResult render(StoredProject draft) {
        return renderProject.render(new ProjectLookup(OWNER, Environment.STAGE, draft.id()));
    }

    private static Project project(Optional<String> name, Optional<String> style, List<Frame> frames,
            Optional<MediaRef> music) {
        return new Project(name, style, ProjectQuality.Q480, frames, music.map(MusicTrack::new), List.of(),
                Privacy.PUBLIC);
    }

    private static ProjectMedia.FoundMedia found(String url, boolean ready) {
        return new ProjectMedia.FoundMedia(URI.create(url), OptionalDouble.of(30), ready);
    }

    @Test
    void aQualityRendersEveryLowerQualityAsARendition() {
        assertThat(RenderProject.renditionsOf(ProjectQuality.Q720)).containsExactly(
                new Rendition("480", new Size(854, 480)), new Rendition("360", new Size(640, 360)));
        assertThat(RenderProject.renditionsOf(ProjectQuality.Q480)).containsExactly(
                new Rendition("360", new Size(640, 360)));
        assertThat(RenderProject.renditionsOf(ProjectQuality.Q360)).isEmpty();
    }

    @Test
    void refusalsComeInPicovicosOrderOfCodes() {
        projects.balances.put(OWNER, 1_000L);
        Frame.Image unknownPhoto = new Frame.Image(new MediaRef.Id("nope"), Optional.empty(), 0, 5);
        Frame.Image goodPhoto = ProjectFixtures.photo(0, "Hi");
        MediaRef unknownTrack = new MediaRef.Id("no-track");

        assertCode(render(draftOf(project(Optional.empty(), Optional.empty(), List.of(), Optional.of(unknownTrack)))), 7401);
        assertCode(render(draftOf(project(Optional.empty(), Optional.of("vanilla"), List.of(),
                Optional.of(unknownTrack)))), 7402);
        assertCode(render(draftOf(project(Optional.empty(), Optional.of("vanilla"), List.of(), Optional.empty()))), 7403);
        assertCode(render(draftOf(project(Optional.empty(), Optional.of("vanilla"), List.of(unknownPhoto),
                Optional.empty()))), 7403);
        assertCode(render(draftOf(project(Optional.empty(), Optional.of("vanilla"), List.of(goodPhoto),
                Optional.empty()))), 7404);
        assertThat(projects.balances.get(OWNER)).isEqualTo(1_000L);
    }

    @Test
    void mediaFoundButNotReadyIsRefusedAsIfUnknown() {
        projects.balances.put(OWNER, 1_000L);
        photos.put("p1", found("https://cdn.example/owner-1/uploads/p1.jpg", false));
        tracks.put("t1", found("https://cdn.example/owner-1/uploads/t1.mp3", true));
        StoredProject draft = draft(project(Optional.of("Holiday"), Optional.of("vanilla"),
                List.of(new Frame.Image(new MediaRef.Id("p1"), Optional.empty(), 0, 5)),
                Optional.of(new MediaRef.Id("t1"))), Optional.empty());

        RenderProjectResult result = render(draft);

        assertThat(result).isInstanceOf(RenderProjectResult.Refused.class);
        assertThat(((RenderProjectResult.Refused) result).code()).isEqualTo(7403);
        assertThat(((RenderProjectResult.Refused) result).message()).contains("assets[0]");
    }

    @Test
    void aReadyDraftIsQueuedOnceWithItsRenditionsAndItsMediaAndDebitedItsQualitysCredits() {
        projects.balances.put(OWNER, 100L);
        photos.put("p1", found("https://cdn.example/owner-1/uploads/p1.jpg", true));
        tracks.put("t1", found("https://cdn.example/library/music/t1.mp3", true));
        StoredProject draft = draft(project(Optional.of("Holiday"), Optional.of("vanilla"),
                List.of(new Frame.Image(new MediaRef.Id("p1"), Optional.of("Sea"), 0, 5)),
                Optional.of(new MediaRef.Id("t1"))), Optional.empty());

        assertThat(render(draft)).isEqualTo(new RenderProjectResult.Queued(renderId));

        assertThat(projects.balances.get(OWNER)).isEqualTo(50L);
        Render render = renders.find(OWNER, renderId).orElseThrow();
        assertThat(render.project()).contains(draft.id());
        assertThat(render.renditions()).extracting(Rendition::name).containsExactly("360");
        JsonNode edit = render.edit();
        assertThat(edit.findValuesAsText("src")).contains("https://cdn.example/owner-1/uploads/p1.jpg",
                "https://cdn.example/library/music/t1.mp3");
        assertThat(edit.at("/output/size/height").asInt()).isEqualTo(480);
        assertThat(edit.at("/output/thumbnail/scale").asDouble()).isEqualTo(1.0);
        StoredProject processing = projects.find(OWNER, Environment.STAGE, draft.id()).orElseThrow();
        assertThat(processing.status()).isEqualTo(ProjectStatus.PROCESSING);
        assertThat(processing.render()).contains(renderId);
        assertThat(projects.findDraft(OWNER, Environment.STAGE)).as("no longer the draft").isEmpty();

        assertThat(render(draft)).isEqualTo(new RenderProjectResult.NotADraft(ProjectStatus.PROCESSING));
        assertThat(projects.balances.get(OWNER)).as("a repeated request debits nothing").isEqualTo(50L);
    }

    @Test
    void tooFewCreditsIs7405AndChangesNothing() {
        projects.balances.put(OWNER, 49L);
        StoredProject draft = draft(project(Optional.of("Holiday"), Optional.of("vanilla"),
                List.of(ProjectFixtures.photo(0, null)), Optional.empty()), Optional.empty());

        RenderProjectResult result = render(draft);

        assertThat(result).isInstanceOf(RenderProjectResult.Refused.class);
        assertThat(((RenderProjectResult.Refused) result).code()).isEqualTo(7405);
        assertThat(projects.find(OWNER, Environment.STAGE, draft.id()).orElseThrow().status())
                .isEqualTo(ProjectStatus.INITIAL);
        assertThat(renders.find(OWNER, renderId)).isEmpty();
    }

    @Test
    void aDraftChangedMeanwhileIsReadAgainAndRenderedAsChanged() {
        projects.balances.put(OWNER, 100L);
        StoredProject draft = draft(project(Optional.of("Before"), Optional.of("vanilla"),
                List.of(ProjectFixtures.photo(0, null)), Optional.empty()), Optional.empty());
        StoredProject renamed = new StoredProject(draft.id(), OWNER, Environment.STAGE, ProjectStatus.INITIAL,
                project(Optional.of("After"), Optional.of("vanilla"), List.of(ProjectFixtures.photo(0, null)),
                        Optional.empty()), Optional.empty(), NOW, NOW, 2);
        projects.beforeQueue = () -> {
            projects.replaceDraft(renamed, 1);
            projects.beforeQueue = () -> {};
        };

        assertThat(render(draft)).isEqualTo(new RenderProjectResult.Queued(renderId));

        assertThat(renders.find(OWNER, renderId).orElseThrow().edit().findValuesAsText("text")).contains("After");
        assertThat(projects.balances.get(OWNER)).isEqualTo(50L);
    }

    @Test
    void aCallbackUrlThatCouldNeverBeCalledIsRefusedNamingIt() {
        projects.balances.put(OWNER, 100L);
        StoredProject draft = draft(project(Optional.of("Holiday"), Optional.of("vanilla"),
                List.of(ProjectFixtures.photo(0, null)), Optional.empty()),
                Optional.of(URI.create("https://hooks.internal/picovico")));

        RenderProjectResult result = render(draft);

        assertThat(result).isInstanceOf(RenderProjectResult.Invalid.class);
        assertThat(((RenderProjectResult.Invalid) result).message()).contains("callback_url", "hooks.internal");
        assertThat(projects.balances.get(OWNER)).isEqualTo(100L);
    }

    @Test
    void anotherOwnersOrAMalformedIdIsNotFound() {
        StoredProject draft = draft(project(Optional.of("Holiday"), Optional.of("vanilla"),
                List.of(ProjectFixtures.photo(0, null)), Optional.empty()), Optional.empty());

        assertThat(renderProject.render(new ProjectLookup("someone-else", Environment.STAGE, draft.id())))
                .isEqualTo(new RenderProjectResult.NotFound());
        assertThat(renderProject.render(new ProjectLookup(OWNER, Environment.V1, draft.id())))
                .isEqualTo(new RenderProjectResult.NotFound());
        assertThat(renderProject.render(new ProjectLookup(OWNER, Environment.STAGE, "../etc")))
                .isEqualTo(new RenderProjectResult.NotFound());
    }

    private StoredProject draftOf(Project project) {
        projects.delete(OWNER, Environment.STAGE, ProjectId.generate(NOW, new Random(1)));
        return draft(project, Optional.empty());
    }

    private static void assertCode(RenderProjectResult result, int code) {
        assertThat(result).isInstanceOf(RenderProjectResult.Refused.class);
        assertThat(((RenderProjectResult.Refused) result).code()).as("%s", result).isEqualTo(code);
    }
}
