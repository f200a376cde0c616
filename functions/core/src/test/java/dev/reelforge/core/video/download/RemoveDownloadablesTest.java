package dev.reelforge.core.video.download;

import static dev.reelforge.core.video.download.DownloadFixture.OWNER;
import static dev.reelforge.core.video.download.DownloadFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No download outlives its video. */
class RemoveDownloadablesTest {

    private final DownloadFixture fixture = new DownloadFixture();

    private Asset deleted(Asset video) {
        fixture.assets.markDeleted(video.owner(), video.id(), START);
        return fixture.assets.find(video.owner(), video.id()).orElseThrow();
    }

    @Test
    void removesEveryFormatsRecordAndTheFilesOfEveryGeneration() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable mp4 = fixture.available(video, DownloadFormat.MP4);
        fixture.clock.advance(Duration.ofHours(25));
        Downloadable secondMp4 = fixture.available(video, DownloadFormat.MP4);
        Downloadable flv = fixture.available(video, DownloadFormat.FLV);
        Asset other = fixture.video(OWNER, Environment.STAGE);
        Downloadable othersMp4 = fixture.available(other, DownloadFormat.MP4);

        fixture.remover().removeAll(deleted(video));

        assertThat(fixture.files.stored).containsExactly(othersMp4.objectKey());
        assertThat(fixture.files.deleted).contains(mp4.objectKey(), secondMp4.objectKey(), flv.objectKey());
        assertThat(fixture.downloadables.find(mp4.key()).orElseThrow().status()).isEqualTo(DownloadableStatus.REMOVED);
        assertThat(fixture.downloadables.find(flv.key()).orElseThrow().status()).isEqualTo(DownloadableStatus.REMOVED);
        assertThat(fixture.downloadables.find(mp4.key()).orElseThrow().downloadUrl()).isEmpty();
        assertThat(fixture.downloadables.find(othersMp4.key()).orElseThrow().status())
                .isEqualTo(DownloadableStatus.AVAILABLE);
    }

    @Test
    void removingAgainIsHarmlessAndAVideoWithoutDownloadsHasNothingToRemove() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable flv = fixture.available(video, DownloadFormat.FLV);
        Asset gone = deleted(video);
        fixture.remover().removeAll(gone);

        fixture.remover().removeAll(gone);
        fixture.remover().removeAll(deleted(fixture.video(OWNER, Environment.STAGE)));

        assertThat(fixture.downloadables.find(flv.key()).orElseThrow().status()).isEqualTo(DownloadableStatus.REMOVED);
        assertThat(fixture.files.deleted).containsExactly(flv.objectKey(), flv.objectKey());
    }

    @Test
    void aPendingDownloadableIsRemovedToo() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable pending = ((RequestDownloadableResult.Requested) fixture.request(video, DownloadFormat.MP4))
                .downloadable();

        fixture.remover().removeAll(deleted(video));

        assertThat(fixture.downloadables.find(pending.key()).orElseThrow().status())
                .isEqualTo(DownloadableStatus.REMOVED);
        assertThat(fixture.preparer(DownloadFormat.MP4).prepare(new PrepareDownloadableCommand(pending.key(), 1)))
                .as("its event, arriving after").isInstanceOf(PrepareDownloadableResult.Skipped.class);
        assertThat(fixture.files.stored).isEmpty();
    }
}
