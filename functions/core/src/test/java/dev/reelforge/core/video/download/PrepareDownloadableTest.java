package dev.reelforge.core.video.download;

import static dev.reelforge.core.video.download.DownloadFixture.LIFETIME;
import static dev.reelforge.core.video.download.DownloadFixture.OWNER;
import static dev.reelforge.core.video.download.DownloadFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The stream function's work: one file per generation, whatever order and how often its events come. */
class PrepareDownloadableTest {

    private final DownloadFixture fixture = new DownloadFixture();

    private Downloadable requested(Asset video, DownloadFormat format) {
        return ((RequestDownloadableResult.Requested) fixture.request(video, format)).downloadable();
    }

    private PrepareDownloadableResult prepare(Downloadable downloadable) {
        return fixture.preparer(downloadable.format())
                .prepare(new PrepareDownloadableCommand(downloadable.key(), downloadable.generation()));
    }

    @Test
    void makesTheFileAndMakesItAvailableWithAUrlThatExpiresALifetimeAfterIt() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable pending = requested(video, DownloadFormat.MP4);
        fixture.clock.advance(Duration.ofMillis(1500));

        PrepareDownloadableResult result = prepare(pending);

        assertThat(result).isInstanceOf(PrepareDownloadableResult.Prepared.class);
        Downloadable available = ((PrepareDownloadableResult.Prepared) result).downloadable();
        Instant availableAt = START.plusMillis(1500);
        assertThat(available.status()).isEqualTo(DownloadableStatus.AVAILABLE);
        assertThat(available.availableAt()).contains(availableAt);
        assertThat(available.expiresAt()).contains(availableAt.plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS));
        assertThat(available.downloadUrl()).contains("https://temporary.example/renders/" + OWNER + "/downloads/"
                + video.id() + "-1.mp4?Expires=" + availableAt.plus(LIFETIME).getEpochSecond());
        assertThat(fixture.files.stored).containsExactly("renders/" + OWNER + "/downloads/" + video.id() + "-1.mp4");
        assertThat(available.attachmentName()).isEqualTo(video.id() + ".mp4");
    }

    @Test
    void aRepeatedEventMakesNoSecondFile() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable pending = requested(video, DownloadFormat.FLV);
        Downloadable available = ((PrepareDownloadableResult.Prepared) prepare(pending)).downloadable();
        fixture.clock.advance(Duration.ofMinutes(3));

        PrepareDownloadableResult again = prepare(pending);

        assertThat(again).isInstanceOf(PrepareDownloadableResult.Skipped.class);
        assertThat(fixture.files.made).hasSize(1);
        assertThat(fixture.files.deleted).isEmpty();
        assertThat(fixture.downloadables.find(pending.key())).contains(available);
    }

    @Test
    void anEventOfAnOlderGenerationArrivingLateChangesNothing() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable first = requested(video, DownloadFormat.MP4);
        fixture.downloadables.markFailed(first.key(), 1, "given up", START);
        Downloadable second = requested(video, DownloadFormat.MP4);
        Downloadable available = ((PrepareDownloadableResult.Prepared) prepare(second)).downloadable();

        PrepareDownloadableResult late = prepare(first);

        assertThat(late).isInstanceOf(PrepareDownloadableResult.Skipped.class);
        assertThat(fixture.files.made).containsExactly(second.objectKey());
        assertThat(fixture.downloadables.find(first.key())).contains(available);
    }

    @Test
    void aRecordOfTheOtherFormatIsNotThisFunctionsWork() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable flv = requested(video, DownloadFormat.FLV);

        PrepareDownloadableResult result = fixture.preparer(DownloadFormat.MP4)
                .prepare(new PrepareDownloadableCommand(flv.key(), 1));

        assertThat(result).isInstanceOf(PrepareDownloadableResult.Skipped.class);
        assertThat(fixture.files.made).isEmpty();
        assertThat(fixture.downloadables.find(flv.key()).orElseThrow().status()).isEqualTo(DownloadableStatus.PENDING);
    }

    @Test
    void aVideoDeletedBeforeTheFileIsMadeFailsTheDownloadable() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable pending = requested(video, DownloadFormat.MP4);
        fixture.assets.markDeleted(OWNER, video.id(), START);

        PrepareDownloadableResult result = prepare(pending);

        assertThat(result).isEqualTo(new PrepareDownloadableResult.Failed(pending.key(), 1,
                "the video no longer exists"));
        assertThat(fixture.files.made).isEmpty();
        assertThat(fixture.downloadables.find(pending.key()).orElseThrow().status()).isEqualTo(DownloadableStatus.FAILED);
    }

    @Test
    void aFileThatCannotBeMadeFailsTheDownloadable() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable pending = requested(video, DownloadFormat.FLV);
        fixture.files.outcome = new DownloadMaker.MakeOutcome.Unconvertible("ffmpeg: Invalid data found");

        PrepareDownloadableResult result = prepare(pending);

        assertThat(result).isInstanceOf(PrepareDownloadableResult.Failed.class);
        Downloadable failed = fixture.downloadables.find(pending.key()).orElseThrow();
        assertThat(failed.status()).isEqualTo(DownloadableStatus.FAILED);
        assertThat(failed.error()).contains("ffmpeg: Invalid data found");
        assertThat(fixture.get(video, DownloadFormat.FLV)).isEqualTo(DownloadableView.UNAVAILABLE);
    }

    @Test
    void anOutageIsThrownAndLeavesItPendingForTheRedelivery() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable pending = requested(video, DownloadFormat.MP4);
        fixture.files.failure = new IllegalStateException("S3 is down");

        assertThatThrownBy(() -> prepare(pending)).hasMessage("S3 is down");
        assertThat(fixture.downloadables.find(pending.key()).orElseThrow().status())
                .isEqualTo(DownloadableStatus.PENDING);

        fixture.files.failure = null;
        assertThat(prepare(pending)).isInstanceOf(PrepareDownloadableResult.Prepared.class);
    }

    @Test
    void aFileFinishedAfterItsVideosDownloadsWereRemovedIsDeletedAgain() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable pending = requested(video, DownloadFormat.FLV);
        fixture.files.duringMake = () -> {
            fixture.assets.markDeleted(OWNER, video.id(), START);
            fixture.remover().removeAll(fixture.assets.find(OWNER, video.id()).orElseThrow());
        };

        PrepareDownloadableResult result = prepare(pending);

        assertThat(result).isInstanceOf(PrepareDownloadableResult.Discarded.class);
        assertThat(fixture.files.stored).isEmpty();
        assertThat(fixture.downloadables.find(pending.key()).orElseThrow().status())
                .isEqualTo(DownloadableStatus.REMOVED);
    }

    @Test
    void aConcurrentDeliveryThatMadeItAvailableFirstKeepsTheFile() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable pending = requested(video, DownloadFormat.MP4);
        fixture.files.duringMake = () -> {
            fixture.files.duringMake = () -> {};
            prepare(pending);
        };

        PrepareDownloadableResult result = prepare(pending);

        assertThat(result).isInstanceOf(PrepareDownloadableResult.Skipped.class);
        assertThat(fixture.files.deleted).isEmpty();
        assertThat(fixture.files.stored).containsExactly(pending.objectKey());
        assertThat(fixture.get(video, DownloadFormat.MP4).state()).isEqualTo(DownloadableView.State.AVAILABLE);
    }
}
