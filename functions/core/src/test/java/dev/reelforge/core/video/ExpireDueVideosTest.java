package dev.reelforge.core.video;

import static dev.reelforge.core.video.VideoFixture.CREATED;
import static dev.reelforge.core.video.VideoFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.callback.DeliveryId;
import dev.reelforge.core.callback.DispatchCallback;
import dev.reelforge.core.callback.InMemoryCallbackQueue;
import dev.reelforge.core.callback.InMemoryDeliveries;
import dev.reelforge.core.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sweep that deletes videos whose time has come, safe to repeat and to stop anywhere. */
class ExpireDueVideosTest {

    private static final String CALLBACK = "https://hooks.example.com/reelforge";

    private final VideoFixture fixture = new VideoFixture();
    private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    private final ExpireDueVideos sweep = new ExpireDueVideos(fixture.videos, fixture.assets,
            new DispatchCallback(fixture.renders, fixture.assets, deliveries, new InMemoryCallbackQueue(), fixture.clock),
            fixture.clock);

    private Video expiringIn(Duration duration, Optional<String> callback) {
        Video video = fixture.hostedVideo(OWNER, Environment.STAGE, CREATED, callback, Optional.of("3.5"));
        fixture.videos.setExpiration(video.id(), OWNER,
                new ExpirationRule.AtGivenTime(fixture.clock.instant().plus(duration)), fixture.clock.instant());
        return video;
    }

    private ExpireDueVideosResult sweep() {
        return sweep.expire(new ExpireDueVideosCommand(ExpireDueVideosCommand.DEFAULT_LIMIT));
    }

    private AssetStatus status(Video video) {
        return fixture.assets.find(OWNER, video.id()).orElseThrow().status();
    }

    @Test
    void aVideoWhoseTimeCameIsDeletedUnlistedAndItsRendersCallbackSent() throws Exception {
        Video due = expiringIn(Duration.ofSeconds(30), Optional.of(CALLBACK));
        Video later = expiringIn(Duration.ofMinutes(5), Optional.of(CALLBACK));
        fixture.clock.advance(Duration.ofSeconds(30));

        ExpireDueVideosResult result = sweep();

        assertThat(result.expired()).containsExactly(due.id());
        assertThat(status(due)).isEqualTo(AssetStatus.DELETED);
        assertThat(fixture.videos.isListed(due.id())).isFalse();
        assertThat(fixture.videos.isExpiring(due.id())).isFalse();
        assertThat(status(later)).isEqualTo(AssetStatus.READY);
        JsonNode payload = Json.MAPPER.readTree(deliveries.find(DeliveryId.of(due.id(), "expired")).orElseThrow()
                .payload());
        assertThat(payload.path("type").asText()).isEqualTo("serve");
        assertThat(payload.path("action").asText()).isEqualTo("expire");
        assertThat(payload.path("id").asText()).isEqualTo(due.id().toString());
        assertThat(payload.path("render").asText()).isEqualTo(due.renderId().toString());
        assertThat(payload.path("owner").asText()).isEqualTo(OWNER);
        assertThat(payload.path("status").asText()).isEqualTo("deleted");
        assertThat(payload.path("url").isNull()).isTrue();
        assertThat(payload.path("error").isNull()).isTrue();
        assertThat(Instant.parse(payload.path("completed").asText())).isEqualTo(fixture.clock.instant());
        assertThat(deliveries.find(DeliveryId.of(later.id(), "expired"))).isEmpty();
    }

    @Test
    void aVideoSavedByNeverBeforeItsTimeIsKept() {
        Video saved = expiringIn(Duration.ofSeconds(30), Optional.of(CALLBACK));
        fixture.videos.setExpiration(saved.id(), OWNER, new ExpirationRule.Never(), fixture.clock.instant());
        fixture.clock.advance(Duration.ofMinutes(2));

        ExpireDueVideosResult result = sweep();

        assertThat(result.expired()).isEmpty();
        assertThat(status(saved)).isEqualTo(AssetStatus.READY);
        assertThat(fixture.videos.isListed(saved.id())).isTrue();
    }

    @Test
    void aVideoDeletedThroughTheServeApiBeforeItsTimeIsUnlistedWithoutACallback() {
        Video deleted = expiringIn(Duration.ofSeconds(30), Optional.of(CALLBACK));
        fixture.assets.markDeleted(OWNER, deleted.id(), fixture.clock.instant());
        fixture.clock.advance(Duration.ofSeconds(30));

        ExpireDueVideosResult result = sweep();

        assertThat(result.alreadyGone()).containsExactly(deleted.id());
        assertThat(deliveries.find(DeliveryId.of(deleted.id(), "expired"))).isEmpty();
        assertThat(fixture.videos.isExpiring(deleted.id())).isFalse();
    }

    @Test
    void aSweepThatStoppedAfterDeletingIsFinishedByTheNextWithOneCallback() {
        Video due = expiringIn(Duration.ofSeconds(30), Optional.of(CALLBACK));
        fixture.clock.advance(Duration.ofSeconds(30));
        // the first sweep claimed the video and deleted its asset, then stopped
        fixture.videos.claimExpiration(due.id(), fixture.clock.instant());
        fixture.assets.markDeleted(OWNER, due.id(), fixture.clock.instant());
        fixture.clock.advance(Duration.ofMinutes(1));

        ExpireDueVideosResult next = sweep();
        ExpireDueVideosResult after = sweep();

        assertThat(next.expired()).containsExactly(due.id());
        assertThat(after.expired()).isEmpty();
        assertThat(deliveries.find(DeliveryId.of(due.id(), "expired"))).isPresent();
        assertThat(fixture.videos.isExpiring(due.id())).isFalse();
    }

    @Test
    void aRenderWithoutACallbackHasItsVideoExpiredAndNothingSent() {
        Video due = expiringIn(Duration.ofSeconds(1), Optional.empty());
        fixture.clock.advance(Duration.ofSeconds(1));

        assertThat(sweep().expired()).containsExactly(due.id());
        assertThat(status(due)).isEqualTo(AssetStatus.DELETED);
        assertThat(deliveries.find(DeliveryId.of(due.id(), "expired"))).isEmpty();
    }

    @Test
    void aSweepTakesAtMostItsLimitAndTheNextTakesTheRest() {
        List<Video> due = List.of(expiringIn(Duration.ofSeconds(1), Optional.empty()),
                expiringIn(Duration.ofSeconds(1), Optional.empty()));
        fixture.clock.advance(Duration.ofSeconds(1));

        assertThat(sweep.expire(new ExpireDueVideosCommand(1)).expired()).hasSize(1);
        assertThat(sweep.expire(new ExpireDueVideosCommand(1)).expired()).hasSize(1);
        assertThat(due).allSatisfy(video -> assertThat(status(video)).isEqualTo(AssetStatus.DELETED));
    }
}
