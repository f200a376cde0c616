package dev.reelforge.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetId;
import dev.reelforge.core.asset.InMemoryAssets;
import dev.reelforge.core.asset.InMemoryRenders;
import dev.reelforge.core.callback.DeliveryId;
import dev.reelforge.core.callback.InMemoryCallbackQueue;
import dev.reelforge.core.callback.InMemoryDeliveries;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SettleProjectTest {

    private static final String OWNER = "owner-1";
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final long BALANCE = 1_000;

    private final InMemoryRenders renders = new InMemoryRenders();
    private final InMemoryAssets assets = new InMemoryAssets();
    private final InMemoryProjects projects = new InMemoryProjects(renders);
    private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    private final SettleProject settleProject = new SettleProject(renders, assets, projects, projects, deliveries,
            new InMemoryCallbackQueue(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID renderId = UUID.fromString("11111111-2222-3333-4444-555555555555");

    /** A project of the quality, its render queued and paid for, a callback URL when given. */
    private StoredProject processing(ProjectQuality quality, Privacy privacy, Optional<URI> callback) {
        Project project = new Project(Optional.of("Holiday"), Optional.of("vanilla"), quality,
                List.of(ProjectFixtures.photo(0, null)), Optional.empty(), List.of(), privacy);
        StoredProject draft = new StoredProject(ProjectId.generate(NOW, new Random(1)), OWNER, Environment.STAGE,
                ProjectStatus.INITIAL, project, callback, NOW, NOW, 1);
        projects.addDraft(draft);
        projects.balances.put(OWNER, BALANCE);
        Render render = Render.queuedForProject(renderId, OWNER, Environment.STAGE, Json.object(),
                RenderProject.renditionsOf(quality), draft.id(), NOW);
        StoredProject processing = draft.processing(renderId, NOW);
        assertThat(projects.queue(draft, processing, render, quality.credits()))
                .isEqualTo(CreditedRenders.Queuing.QUEUED);
        return processing;
    }

    private void renderEnds(RenderStatus status) {
        Render queued = renders.find(OWNER, renderId).orElseThrow();
        renders.add(new Render(queued.id(), OWNER, queued.environment(), status, queued.edit(), queued.created(), NOW,
                status == RenderStatus.FAILED ? Optional.of("a source could not be fetched") : Optional.empty(),
                status == RenderStatus.DONE ? Optional.of(new RenderResult("https://temp.example/x.mp4",
                        Optional.empty(), Optional.empty(), 5, 1000)) : Optional.empty(),
                queued.renditions(), queued.project()));
    }

    private void hosted(String suffix, boolean ready) {
        String filename = renderId + suffix;
        assets.begin(Asset.importing(OWNER, Environment.STAGE, "us-east-1", renderId, filename, NOW));
        UUID id = AssetId.of(renderId, filename);
        if (ready) {
            assets.markReady(OWNER, id, "https://cdn.example/" + OWNER + "/" + filename,
                    Optional.of(filename.length() * 1000L), NOW);
        } else {
            assets.markFailed(OWNER, id, "the copy failed", NOW);
        }
    }

    private SettleProjectResult settle() {
        return settleProject.settle(new SettleProjectCommand(OWNER, renderId));
    }

    private StoredProject project(StoredProject processing) {
        return projects.find(OWNER, Environment.STAGE, processing.id()).orElseThrow();
    }

    @Test
    void aFailedRenderFailsTheProjectAndRefundsItOnceHoweverOftenItsEventComes() {
        StoredProject processing = processing(ProjectQuality.Q480, Privacy.PUBLIC,
                Optional.of(URI.create("https://hooks.example/picovico")));
        assertThat(projects.balances.get(OWNER)).isEqualTo(BALANCE - 50);
        renderEnds(RenderStatus.FAILED);

        assertThat(settle()).isInstanceOf(SettleProjectResult.Failed.class);
        assertThat(settle()).isEqualTo(new SettleProjectResult.AlreadySettled(processing.id()));
        assertThat(settle()).isEqualTo(new SettleProjectResult.AlreadySettled(processing.id()));

        assertThat(project(processing).status()).isEqualTo(ProjectStatus.FAILED);
        assertThat(project(processing).failure()).hasValueSatisfying(failure ->
                assertThat(failure).startsWith("the render failed: "));
        assertThat(projects.balances.get(OWNER)).isEqualTo(BALANCE);
        assertThat(deliveries.listForRender(OWNER, renderId)).singleElement().satisfies(delivery -> {
            JsonNode body = Json.MAPPER.readTree(delivery.payload());
            assertThat(delivery.id()).isEqualTo(DeliveryId.of(renderId, "video.failed"));
            assertThat(delivery.callbackUrl()).isEqualTo("https://hooks.example/picovico");
            assertThat(body.path("type").asText()).isEqualTo("video.failed");
            assertThat(body.path("status").asText()).isEqualTo("failed");
            assertThat(body.path("created").asLong()).isEqualTo(NOW.getEpochSecond());
            assertThat(body.at("/data/object/id").asText()).isEqualTo(processing.id());
            assertThat(body.at("/data/object/video")).isEmpty();
        });
    }

    @Test
    void aDoneRenderWaitsForEachFileAndPublishesOnceEveryOneIsHosted() {
        StoredProject processing = processing(ProjectQuality.Q360, Privacy.PUBLIC,
                Optional.of(URI.create("https://hooks.example/picovico")));
        hosted(".mp4", true);
        assertThat(settle()).as("the render is still queued").isInstanceOf(SettleProjectResult.Waiting.class);
        renderEnds(RenderStatus.DONE);
        assertThat(settle()).as("the thumbnail is not hosted yet").isInstanceOf(SettleProjectResult.Waiting.class);
        hosted("-thumb.jpg", true);

        assertThat(settle()).isEqualTo(new SettleProjectResult.Published(processing.id()));
        assertThat(settle()).isEqualTo(new SettleProjectResult.AlreadySettled(processing.id()));

        StoredProject published = project(processing);
        assertThat(published.status()).isEqualTo(ProjectStatus.PUBLISHED);
        ProjectPublication.PublishedVideo video = published.publication().orElseThrow().best();
        assertThat(video.quality()).isEqualTo(ProjectQuality.Q360);
        assertThat(video.url()).isEqualTo("https://cdn.example/owner-1/" + renderId + ".mp4");
        assertThat(video.size()).hasValue((renderId + ".mp4").length() * 1000L);
        assertThat(video.thumbnail()).contains("https://cdn.example/owner-1/" + renderId + "-thumb.jpg");
        assertThat(projects.balances.get(OWNER)).as("a published video keeps its debit").isEqualTo(BALANCE - 40);
        assertThat(projects.target(processing.id())).contains(URI.create(video.url()));
        assertThat(deliveries.listForRender(OWNER, renderId)).singleElement().satisfies(delivery -> {
            JsonNode body = Json.MAPPER.readTree(delivery.payload());
            assertThat(body.path("type").asText()).isEqualTo("video.created");
            assertThat(body.path("status").asText()).isEqualTo("published");
            assertThat(body.at("/data/object/video/0/quality").asInt()).isEqualTo(360);
            assertThat(body.at("/data/object/video/0/url").asText()).isEqualTo(video.url());
            assertThat(body.at("/data/object/video/0/size").asLong()).isEqualTo(video.size().getAsLong());
            assertThat(body.at("/data/object/video/0/thumbnail").asText()).isEqualTo(video.thumbnail().orElseThrow());
        });
    }

    @Test
    void a720ProjectIsPublishedInThreeQualitiesOnceItsRenditionsAreHostedTooAndLinksToTheBest() {
        StoredProject processing = processing(ProjectQuality.Q720, Privacy.PUBLIC, Optional.empty());
        renderEnds(RenderStatus.DONE);
        hosted(".mp4", true);
        hosted("-thumb.jpg", true);
        assertThat(settle()).isInstanceOf(SettleProjectResult.Waiting.class);
        for (String rendition : List.of("-480", "-360")) {
            hosted(rendition + ".mp4", true);
            hosted(rendition + "-thumb.jpg", true);
        }

        assertThat(settle()).isEqualTo(new SettleProjectResult.Published(processing.id()));

        ProjectPublication publication = project(processing).publication().orElseThrow();
        assertThat(publication.videos()).extracting(ProjectPublication.PublishedVideo::quality)
                .containsExactly(ProjectQuality.Q360, ProjectQuality.Q480, ProjectQuality.Q720);
        assertThat(publication.videos().get(1).url()).endsWith(renderId + "-480.mp4");
        assertThat(publication.videos().get(1).thumbnail()).hasValueSatisfying(url -> url.endsWith("-480-thumb.jpg"));
        assertThat(projects.target(processing.id())).contains(URI.create(publication.best().url()));
        assertThat(publication.best().url()).endsWith(renderId + ".mp4");
    }

    @Test
    void aFileWhoseHostingFailedFailsTheProjectAndRefundsItEvenBeforeTheRenderIsDone() {
        StoredProject processing = processing(ProjectQuality.Q480, Privacy.PUBLIC, Optional.empty());
        hosted("-360.mp4", false);

        assertThat(settle()).isInstanceOf(SettleProjectResult.Failed.class);
        renderEnds(RenderStatus.DONE);
        hosted(".mp4", true);
        assertThat(settle()).isEqualTo(new SettleProjectResult.AlreadySettled(processing.id()));

        assertThat(project(processing).status()).isEqualTo(ProjectStatus.FAILED);
        assertThat(project(processing).failure()).contains("hosting " + renderId + "-360.mp4 failed");
        assertThat(projects.balances.get(OWNER)).isEqualTo(BALANCE);
    }

    @Test
    void aPrivateVideoIsPublishedWithoutALink() {
        StoredProject processing = processing(ProjectQuality.Q360, Privacy.PRIVATE, Optional.empty());
        renderEnds(RenderStatus.DONE);
        hosted(".mp4", true);
        hosted("-thumb.jpg", true);

        assertThat(settle()).isEqualTo(new SettleProjectResult.Published(processing.id()));

        assertThat(projects.target(processing.id())).isEmpty();
        assertThat(deliveries.listForRender(OWNER, renderId)).as("no callback URL, no callback").isEmpty();
    }

    @Test
    void aRenderOfAnEditAloneOrOfADeletedProjectSettlesNothing() {
        renders.add(Render.queued(renderId, OWNER, Environment.STAGE, Json.object(), NOW));
        assertThat(settle()).isInstanceOf(SettleProjectResult.NothingToSettle.class);

        StoredProject processing = processing(ProjectQuality.Q360, Privacy.PUBLIC, Optional.empty());
        projects.delete(OWNER, Environment.STAGE, processing.id());
        renderEnds(RenderStatus.FAILED);
        assertThat(settle()).isInstanceOf(SettleProjectResult.NothingToSettle.class);
        assertThat(settleProject.settle(new SettleProjectCommand("someone-else", renderId)))
                .isInstanceOf(SettleProjectResult.NothingToSettle.class);
    }
}
