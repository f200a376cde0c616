package dev.reelforge.core.asset;

import static dev.reelforge.core.asset.AssetFixture.NOW;
import static dev.reelforge.core.asset.AssetFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.reelforge.core.Environment;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.RenderOutputs;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.core.video.ExpirationRule;
import dev.reelforge.core.video.InMemoryVideos;
import dev.reelforge.core.video.Protection;
import dev.reelforge.core.video.Video;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hosting a render's outputs as they appear, however often and in whatever order they are announced. */
class PromoteOutputTest {

    private static final String BUCKET = "temp-bucket";
    private static final PromoteOutput.Hosting HOSTING = new PromoteOutput.Hosting("eu-west-1", "https://cdn.example/");

    private final AssetFixture fixture = new AssetFixture();
    private final InMemoryAssets assets = fixture.assets;
    private final InMemoryHostingCopier copier = new InMemoryHostingCopier();
    private final RecordingHostedFiles hostedFiles = fixture.hostedFiles;
    private final InMemoryVideos videos = new InMemoryVideos();
    private final PromoteOutput promote = promoteAt(fixture.clock);

    private PromoteOutput promoteAt(Clock clock) {
        return new PromoteOutput(fixture.renders, assets, copier, hostedFiles, videos, clock, HOSTING);
    }

    /** A render whose outputs are recorded and written: {@code <id>.mp4}, the poster's two captures, a thumbnail. */
    private UUID render(Environment environment, boolean hosted) {
        UUID id = fixture.render(OWNER, environment);
        String base = "renders/" + OWNER + "/" + id;
        fixture.renders.recordOutputs(new RenderKey(OWNER, id), new RenderOutputs(base + ".mp4",
                Optional.of(base + "-poster.0000001.jpg"), Optional.of(base + "-thumb.0000000.jpg"), hosted), NOW);
        copier.sources.add(base + ".mp4");
        copier.sources.add(base + "-poster.0000000.jpg");
        copier.sources.add(base + "-poster.0000001.jpg");
        copier.sources.add(base + "-thumb.0000000.jpg");
        return id;
    }

    private PromoteOutputResult created(UUID render, String suffix) {
        return promote.promote(new PromoteOutputCommand(BUCKET, "renders/" + OWNER + "/" + render + suffix));
    }

    private Asset asset(UUID render, String filenameSuffix) {
        return assets.find(OWNER, AssetId.of(render, render + filenameSuffix)).orElseThrow();
    }

    @Test
    void anOutputBecomesAReadyAssetWithItsCdnUrl() {
        UUID render = render(Environment.STAGE, true);

        PromoteOutputResult result = created(render, ".mp4");

        Asset asset = asset(render, ".mp4");
        assertThat(result).isEqualTo(new PromoteOutputResult.Promoted(asset));
        assertThat(asset.status()).isEqualTo(AssetStatus.READY);
        assertThat(asset.url()).contains("https://cdn.example/" + OWNER + "/" + render + ".mp4");
        assertThat(asset.environment()).isEqualTo(Environment.STAGE);
        assertThat(asset.region()).isEqualTo("eu-west-1");
        assertThat(asset.renderId()).isEqualTo(render);
        assertThat(asset.created()).isEqualTo(NOW);
        assertThat(copier.copied).containsExactly(OWNER + "/" + render + ".mp4");
    }

    @Test
    void capturesAreHostedWithoutTheirCaptureNumberAndTheFirstFrameByProductIsNot() {
        UUID render = render(Environment.V1, true);

        PromoteOutputResult firstFrame = created(render, "-poster.0000000.jpg");
        created(render, "-poster.0000001.jpg");
        created(render, "-thumb.0000000.jpg");

        assertThat(firstFrame).isInstanceOf(PromoteOutputResult.Ignored.class);
        assertThat(assets.findForRender(OWNER, render)).extracting(Asset::filename)
                .containsExactly(render + "-poster.jpg", render + "-thumb.jpg");
        assertThat(copier.copied).containsExactly(OWNER + "/" + render + "-poster.jpg", OWNER + "/" + render + "-thumb.jpg");
    }

    @Test
    void theSameEventAgainFindsTheAssetFinishedAndCopiesNothing() {
        UUID render = render(Environment.STAGE, true);
        created(render, ".mp4");
        Asset ready = asset(render, ".mp4");

        PromoteOutputResult again = new PromoteOutput(fixture.renders, assets, copier, hostedFiles, videos,
                Clock.offset(fixture.clock, Duration.ofMinutes(5)), HOSTING)
                .promote(new PromoteOutputCommand(BUCKET, "renders/" + OWNER + "/" + render + ".mp4"));

        assertThat(again).isEqualTo(new PromoteOutputResult.AlreadyFinished(ready));
        assertThat(assets.findForRender(OWNER, render)).containsExactly(ready);
        assertThat(copier.copied).hasSize(1);
    }

    @Test
    void anOldEventReplayedAfterTheAssetWasDeletedLeavesItDeletedAndCopiesNothing() {
        UUID render = render(Environment.STAGE, true);
        created(render, ".mp4");
        new DeleteAsset(assets, fixture.clock)
                .delete(new DeleteAssetCommand(OWNER, Environment.STAGE, asset(render, ".mp4").id()));

        PromoteOutputResult replay = created(render, ".mp4");

        assertThat(replay).isInstanceOf(PromoteOutputResult.AlreadyFinished.class);
        assertThat(asset(render, ".mp4").status()).isEqualTo(AssetStatus.DELETED);
        assertThat(copier.copied).hasSize(1);
    }

    @Test
    void aCopyThatFailsLeavesTheAssetImportingAndTheRedeliveryFinishesIt() {
        UUID render = render(Environment.STAGE, true);
        copier.outages = 1;

        assertThatThrownBy(() -> created(render, ".mp4")).isInstanceOf(HostingCopyFailedException.class);
        assertThat(asset(render, ".mp4").status()).isEqualTo(AssetStatus.IMPORTING);

        PromoteOutputResult redelivered = created(render, ".mp4");

        assertThat(redelivered).isInstanceOf(PromoteOutputResult.Promoted.class);
        assertThat(assets.findForRender(OWNER, render)).singleElement()
                .returns(AssetStatus.READY, Asset::status);
    }

    @Test
    void aMissingOutputFailsTheAssetWithAnErrorNamingTheFile() {
        UUID render = render(Environment.STAGE, true);
        copier.sources.remove("renders/" + OWNER + "/" + render + ".mp4");

        PromoteOutputResult result = created(render, ".mp4");

        Asset failed = asset(render, ".mp4");
        assertThat(result).isEqualTo(new PromoteOutputResult.Failed(failed));
        assertThat(failed.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(failed.url()).isEmpty();
        assertThat(failed.error()).hasValueSatisfying(error -> assertThat(error)
                .contains(render + ".mp4").contains("no longer in temporary storage"));
    }

    @Test
    void aCopyThatEndsAfterItsAssetWasDeletedIsRemoved() {
        UUID render = render(Environment.STAGE, true);
        UUID id = AssetId.of(render, render + ".mp4");
        copier.duringCopy = () -> assets.markDeleted(OWNER, id, NOW);

        PromoteOutputResult result = created(render, ".mp4");

        assertThat(result).isInstanceOf(PromoteOutputResult.Discarded.class);
        assertThat(asset(render, ".mp4").status()).isEqualTo(AssetStatus.DELETED);
        assertThat(hostedFiles.deleted).containsExactly(OWNER + "/" + render + ".mp4");
        assertThat(videos.isListed(id)).as("no listing keeps a video whose copy was discarded").isFalse();
    }

    @Test
    void aCopyThatEndsAfterAConcurrentDeliveryFinishedItKeepsTheFile() {
        UUID render = render(Environment.STAGE, true);
        UUID id = AssetId.of(render, render + ".mp4");
        copier.duringCopy = () -> assets.markReady(OWNER, id, "https://cdn.example/" + OWNER + "/" + render + ".mp4", NOW);

        PromoteOutputResult result = created(render, ".mp4");

        assertThat(result).isInstanceOf(PromoteOutputResult.AlreadyFinished.class);
        assertThat(hostedFiles.deleted).isEmpty();
    }

    @Test
    void aRenderThatExcludesHostingGetsNoAsset() {
        UUID render = render(Environment.V1, false);

        PromoteOutputResult result = created(render, ".mp4");

        assertThat(result).isEqualTo(new PromoteOutputResult.Skipped(render, render + ".mp4"));
        assertThat(assets.findForRender(OWNER, render)).isEmpty();
        assertThat(copier.copied).isEmpty();
    }

    @Test
    void anOutputOfACancelledRenderIsNotHosted() {
        UUID render = render(Environment.STAGE, true);
        cancel(render);

        PromoteOutputResult result = created(render, ".mp4");

        assertThat(result).isEqualTo(new PromoteOutputResult.Cancelled(render, render + ".mp4"));
        assertThat(assets.findForRender(OWNER, render)).isEmpty();
        assertThat(copier.copied).isEmpty();
    }

    @Test
    void aCancelThatComesWhileTheAssetBeginsHasTheAssetDeletedAndNothingCopied() {
        UUID render = render(Environment.STAGE, true);
        assets.afterBegin = () -> cancel(render);

        PromoteOutputResult result = created(render, ".mp4");

        assertThat(result).isEqualTo(new PromoteOutputResult.Cancelled(render, render + ".mp4"));
        assertThat(asset(render, ".mp4").status()).isEqualTo(AssetStatus.DELETED);
        assertThat(copier.copied).isEmpty();
    }

    /** The render as its owner's cancel leaves it: failed, error "cancelled". */
    private void cancel(UUID render) {
        Render done = fixture.renders.find(OWNER, render).orElseThrow();
        fixture.renders.add(new Render(render, OWNER, done.environment(), RenderStatus.FAILED, done.edit(),
                done.created(), NOW, Optional.of(Render.CANCELLED), Optional.empty()));
    }

    @Test
    void objectsThatAreNoRendersOutputAreIgnored() {
        UUID render = render(Environment.STAGE, true);
        UUID unknown = UUID.randomUUID();
        UUID unrecorded = fixture.render(OWNER, Environment.STAGE);

        for (String key : new String[] {"work/" + OWNER + "/" + render + "/intermediate.mkv",
                "renders/" + OWNER + "/notarender.mp4", "renders/" + OWNER + "/" + render,
                "renders/" + OWNER + "/sub/" + render + ".mp4", "renders/" + render + ".mp4",
                "renders/" + OWNER + "/" + unknown + ".mp4", "renders/other/" + render + ".mp4",
                "renders/" + OWNER + "/" + unrecorded + ".mp4", "renders/" + OWNER + "/" + render + ".mov",
                "renders/" + OWNER + "/" + render.toString().toUpperCase() + ".mp4"}) {
            assertThat(promote.promote(new PromoteOutputCommand(BUCKET, key))).as(key)
                    .isInstanceOf(PromoteOutputResult.Ignored.class);
        }
        assertThat(copier.copied).isEmpty();
        assertThat(assets.findForRender(OWNER, render)).isEmpty();
    }

    @Test
    void aRendersVideoFileBecomesAPublicNeverExpiringVideoTitledByItsFileWithTheCopiedSize() {
        UUID render = render(Environment.V1, true);

        created(render, ".mp4");

        Asset asset = asset(render, ".mp4");
        Video video = videos.find(asset.id()).orElseThrow();
        assertThat(video.owner()).isEqualTo(OWNER);
        assertThat(video.environment()).isEqualTo(Environment.V1);
        assertThat(video.renderId()).isEqualTo(render);
        assertThat(video.title()).isEqualTo(render + ".mp4");
        assertThat(video.description()).isEmpty();
        assertThat(video.protection()).isEqualTo(Protection.PUBLIC);
        assertThat(video.expiration()).isEqualTo(new ExpirationRule.Never());
        assertThat(video.fileSize()).isEqualTo(1234);
        assertThat(video.url()).isEqualTo(asset.url().orElseThrow());
        assertThat(video.added()).isEqualTo(NOW);
        assertThat(videos.isListed(asset.id())).isTrue();
    }

    @Test
    void aVideoTakesItsLengthFromTheRenderWhenItIsDoneAndHasNoneBefore() {
        UUID done = render(Environment.STAGE, true);
        Render doneRender = fixture.renders.find(OWNER, done).orElseThrow();
        fixture.renders.add(new Render(done, OWNER, Environment.STAGE, RenderStatus.DONE, doneRender.edit(),
                doneRender.created(), NOW, Optional.empty(), Optional.of(new RenderResult("https://temp.example/x.mp4",
                        Optional.empty(), Optional.empty(), 2.04, 900))));
        UUID rendering = render(Environment.STAGE, true);

        created(done, ".mp4");
        created(rendering, ".mp4");

        assertThat(videos.find(asset(done, ".mp4").id()).orElseThrow().length()).contains("2.04");
        assertThat(videos.find(asset(rendering, ".mp4").id()).orElseThrow().length()).isEmpty();
    }

    @Test
    void eachRenditionsFileAndCaptureBecomeReadyAssetsWithTheCopiedSizeButNoVideo() {
        UUID render = fixture.render(OWNER, Environment.V1);
        String base = "renders/" + OWNER + "/" + render;
        fixture.renders.recordOutputs(new RenderKey(OWNER, render), new RenderOutputs(base + ".mp4", Optional.empty(),
                Optional.of(base + "-thumb.0000001.jpg"), true, List.of(
                        new RenderOutputs.RenditionOutputs("360", base + "-360.mp4", base + "-360-thumb.0000001.jpg"))),
                NOW);
        List.of(".mp4", "-thumb.0000001.jpg", "-360.mp4", "-360-thumb.0000000.jpg", "-360-thumb.0000001.jpg")
                .forEach(suffix -> copier.sources.add(base + suffix));

        List.of(".mp4", "-thumb.0000001.jpg", "-360.mp4", "-360-thumb.0000000.jpg", "-360-thumb.0000001.jpg")
                .forEach(suffix -> created(render, suffix));

        assertThat(assets.findForRender(OWNER, render)).extracting(Asset::filename, Asset::status, Asset::size)
                .containsExactly(
                        tuple(render + "-360-thumb.jpg", AssetStatus.READY, Optional.of(1234L)),
                        tuple(render + "-360.mp4", AssetStatus.READY, Optional.of(1234L)),
                        tuple(render + "-thumb.jpg", AssetStatus.READY, Optional.of(1234L)),
                        tuple(render + ".mp4", AssetStatus.READY, Optional.of(1234L)));
        assertThat(asset(render, "-360.mp4").url()).contains("https://cdn.example/" + OWNER + "/" + render + "-360.mp4");
        assertThat(videos.find(asset(render, "-360.mp4").id())).as("a rendition is no IBM video").isEmpty();
        assertThat(videos.find(asset(render, ".mp4").id())).isPresent();
    }

    @Test
    void capturesAreNoVideos() {
        UUID render = render(Environment.STAGE, true);

        created(render, "-poster.0000001.jpg");
        created(render, "-thumb.0000000.jpg");

        assertThat(videos.find(asset(render, "-poster.jpg").id())).isEmpty();
        assertThat(videos.find(asset(render, "-thumb.jpg").id())).isEmpty();
    }

    @Test
    void aRedeliveryAfterACopyThatFailedAddsTheVideoOnceAndKeepsItsChanges() {
        UUID render = render(Environment.STAGE, true);
        created(render, ".mp4");
        UUID id = asset(render, ".mp4").id();
        videos.describe(id, OWNER, Optional.of("renamed"), Optional.empty());

        created(render, ".mp4");

        assertThat(videos.find(id).orElseThrow().title()).isEqualTo("renamed");
    }

    @Test
    void aCopyThatFailsAddsNoVideoUntilTheRedeliveryCopies() {
        UUID render = render(Environment.STAGE, true);
        copier.outages = 1;

        assertThatThrownBy(() -> created(render, ".mp4")).isInstanceOf(HostingCopyFailedException.class);
        UUID id = AssetId.of(render, render + ".mp4");
        assertThat(videos.find(id)).isEmpty();

        created(render, ".mp4");

        assertThat(videos.find(id)).isPresent();
        assertThat(asset(render, ".mp4").status()).isEqualTo(AssetStatus.READY);
    }
}
