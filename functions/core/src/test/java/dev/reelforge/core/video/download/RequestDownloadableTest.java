package dev.reelforge.core.video.download;

import static dev.reelforge.core.video.download.DownloadFixture.OTHER_OWNER;
import static dev.reelforge.core.video.download.DownloadFixture.OWNER;
import static dev.reelforge.core.video.download.DownloadFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Seed 001's POST: answers at once, pending or available; only a finished (failed, expired) file is made again. */
class RequestDownloadableTest {

    private final DownloadFixture fixture = new DownloadFixture();

    @Test
    void theFirstRequestStartsGenerationOnePendingWithNoUrlYet() {
        Asset video = fixture.video(OWNER, Environment.STAGE);

        RequestDownloadableResult result = fixture.request(video, DownloadFormat.MP4);

        assertThat(result).isInstanceOf(RequestDownloadableResult.Requested.class);
        Downloadable pending = ((RequestDownloadableResult.Requested) result).downloadable();
        assertThat(pending.status()).isEqualTo(DownloadableStatus.PENDING);
        assertThat(pending.generation()).isEqualTo(1);
        assertThat(pending.requested()).isEqualTo(START);
        assertThat(pending.environment()).isEqualTo(Environment.STAGE);
        assertThat(((RequestDownloadableResult.Requested) result).view()).isEqualTo(DownloadableView.PENDING);
        assertThat(fixture.downloadables.find(pending.key())).contains(pending);
    }

    @Test
    void aSecondRequestWhilePendingChangesNothingAndAnswersTheSame() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        fixture.request(video, DownloadFormat.FLV);
        DownloadableKey key = new DownloadableKey(OWNER, video.id(), DownloadFormat.FLV);
        Downloadable first = fixture.downloadables.find(key).orElseThrow();
        fixture.clock.advance(Duration.ofMinutes(1));

        RequestDownloadableResult again = fixture.request(video, DownloadFormat.FLV);

        assertThat(again).isEqualTo(new RequestDownloadableResult.Unchanged(DownloadableView.PENDING));
        assertThat(fixture.downloadables.find(key)).contains(first);
    }

    @Test
    void aRequestWhileAvailableAnswersTheSameUrlAndExpiry() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable available = fixture.available(video, DownloadFormat.MP4);
        fixture.clock.advance(Duration.ofHours(23));

        RequestDownloadableResult again = fixture.request(video, DownloadFormat.MP4);

        assertThat(again).isEqualTo(new RequestDownloadableResult.Unchanged(DownloadableView.available(
                available.downloadUrl().orElseThrow(), available.expiresAt().orElseThrow())));
        assertThat(fixture.downloadables.find(available.key())).contains(available);
    }

    @Test
    void aRequestAfterExpiryStartsTheNextGeneration() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable available = fixture.available(video, DownloadFormat.MP4);
        fixture.clock.advance(Duration.between(START, available.expiresAt().orElseThrow()));

        RequestDownloadableResult again = fixture.request(video, DownloadFormat.MP4);

        assertThat(again).isInstanceOf(RequestDownloadableResult.Requested.class);
        Downloadable next = ((RequestDownloadableResult.Requested) again).downloadable();
        assertThat(next.generation()).isEqualTo(2);
        assertThat(next.objectKey()).isNotEqualTo(available.objectKey());
        assertThat(((RequestDownloadableResult.Requested) again).view()).isEqualTo(DownloadableView.PENDING);
    }

    @Test
    void aRequestAfterAFailureStartsTheNextGeneration() {
        Asset video = fixture.video(OWNER, Environment.V1);
        fixture.request(video, DownloadFormat.FLV);
        DownloadableKey key = new DownloadableKey(OWNER, video.id(), DownloadFormat.FLV);
        fixture.downloadables.markFailed(key, 1, "ffmpeg could not read it", START);

        RequestDownloadableResult again = fixture.request(video, DownloadFormat.FLV);

        assertThat(((RequestDownloadableResult.Requested) again).downloadable().generation()).isEqualTo(2);
    }

    @Test
    void eachFormatIsRequestedOnItsOwn() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        fixture.request(video, DownloadFormat.MP4);

        assertThat(fixture.request(video, DownloadFormat.FLV)).isInstanceOf(RequestDownloadableResult.Requested.class);
        assertThat(fixture.downloadables.findForVideo(OWNER, video.id())).hasSize(2);
    }

    @Test
    void aRequestThatLosesARaceAnswersTheWinnersPendingGenerationAndStoresNothing() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        DownloadableKey key = new DownloadableKey(OWNER, video.id(), DownloadFormat.MP4);
        Downloadable winners = Downloadable.pending(key, Environment.STAGE, 1, START.minusMillis(5));
        fixture.downloadables.beforeRequest = () -> fixture.downloadables.put(winners);

        RequestDownloadableResult result = fixture.request(video, DownloadFormat.MP4);

        assertThat(result).isEqualTo(new RequestDownloadableResult.Unchanged(DownloadableView.PENDING));
        assertThat(fixture.downloadables.find(key)).contains(winners);
    }

    @Test
    void noVideoIsFoundForAnUnknownIdAnotherOwnersVideoAnotherEnvironmentOrADeletedOne() {
        Asset others = fixture.video(OTHER_OWNER, Environment.STAGE);
        Asset stage = fixture.video(OWNER, Environment.STAGE);
        Asset deleted = fixture.video(OWNER, Environment.STAGE);
        fixture.assets.markDeleted(OWNER, deleted.id(), START);
        RequestDownloadable requester = fixture.requester();

        assertThat(requester.request(new RequestDownloadableCommand(OWNER, Environment.STAGE, UUID.randomUUID(),
                DownloadFormat.MP4))).isInstanceOf(RequestDownloadableResult.NoSuchVideo.class);
        assertThat(requester.request(new RequestDownloadableCommand(OWNER, Environment.STAGE, others.id(),
                DownloadFormat.MP4))).isInstanceOf(RequestDownloadableResult.NoSuchVideo.class);
        assertThat(requester.request(new RequestDownloadableCommand(OWNER, Environment.V1, stage.id(),
                DownloadFormat.MP4))).isInstanceOf(RequestDownloadableResult.NoSuchVideo.class);
        assertThat(requester.request(new RequestDownloadableCommand(OWNER, Environment.STAGE, deleted.id(),
                DownloadFormat.MP4))).isInstanceOf(RequestDownloadableResult.NoSuchVideo.class);
        assertThat(fixture.downloadables.findForVideo(OTHER_OWNER, others.id())).isEmpty();
        assertThat(fixture.downloadables.find(new DownloadableKey(OWNER, others.id(), DownloadFormat.MP4)))
                .isEqualTo(Optional.empty());
    }
}
