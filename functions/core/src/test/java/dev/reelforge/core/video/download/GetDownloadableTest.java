package dev.reelforge.core.video.download;

import static dev.reelforge.core.video.download.DownloadFixture.OTHER_OWNER;
import static dev.reelforge.core.video.download.DownloadFixture.OWNER;
import static dev.reelforge.core.video.download.DownloadFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Seed 001's GET: unavailable, pending or available, as the clock says. */
class GetDownloadableTest {

    private final DownloadFixture fixture = new DownloadFixture();

    @Test
    void isUnavailableWithNoUrlBeforeAnyRequest() {
        Asset video = fixture.video(OWNER, Environment.STAGE);

        assertThat(fixture.get(video, DownloadFormat.MP4)).isEqualTo(DownloadableView.UNAVAILABLE);
        assertThat(DownloadableView.UNAVAILABLE.downloadUrl()).isEmpty();
        assertThat(DownloadableView.UNAVAILABLE.expiresAt()).isEmpty();
    }

    @Test
    void isPendingWhileItsFileIsMade() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        fixture.request(video, DownloadFormat.FLV);

        assertThat(fixture.get(video, DownloadFormat.FLV)).isEqualTo(DownloadableView.PENDING);
        assertThat(fixture.get(video, DownloadFormat.MP4)).as("the other format").isEqualTo(DownloadableView.UNAVAILABLE);
    }

    @Test
    void isAvailableUntilItsExpiryAndUnavailableFromThenOn() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable available = fixture.available(video, DownloadFormat.MP4);
        Duration untilExpiry = Duration.between(START, available.expiresAt().orElseThrow());

        fixture.clock.advance(untilExpiry.minusMillis(1));
        DownloadableView justBefore = fixture.get(video, DownloadFormat.MP4);
        fixture.clock.advance(Duration.ofMillis(1));
        DownloadableView atExpiry = fixture.get(video, DownloadFormat.MP4);

        assertThat(justBefore.state()).isEqualTo(DownloadableView.State.AVAILABLE);
        assertThat(justBefore.downloadUrl()).isEqualTo(available.downloadUrl());
        assertThat(justBefore.expiresAt()).isEqualTo(available.expiresAt());
        assertThat(atExpiry).isEqualTo(DownloadableView.UNAVAILABLE);
    }

    @Test
    void aFailedDownloadableIsUnavailable() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        fixture.request(video, DownloadFormat.FLV);
        fixture.downloadables.markFailed(new DownloadableKey(OWNER, video.id(), DownloadFormat.FLV), 1, "no", START);

        assertThat(fixture.get(video, DownloadFormat.FLV)).isEqualTo(DownloadableView.UNAVAILABLE);
    }

    @Test
    void anotherOwnersVideoIsNoVideo() {
        Asset others = fixture.video(OTHER_OWNER, Environment.STAGE);
        fixture.available(others, DownloadFormat.MP4);

        assertThat(fixture.reader().get(new GetDownloadableCommand(OWNER, Environment.STAGE, others.id(),
                DownloadFormat.MP4))).isInstanceOf(GetDownloadableResult.NoSuchVideo.class);
    }
}
