package dev.reelforge.core.video;

import static dev.reelforge.core.video.VideoFixture.CREATED;
import static dev.reelforge.core.video.VideoFixture.OTHER_OWNER;
import static dev.reelforge.core.video.VideoFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading a video: only the caller's own, in its environment, while its asset is a hosted video. */
class GetVideoTest {

    private final VideoFixture fixture = new VideoFixture();
    private final GetVideo getVideo = new GetVideo(fixture.videos, fixture.assets, fixture.renders);

    private GetVideoResult get(String owner, Environment environment, UUID id) {
        return getVideo.get(new GetVideoCommand(owner, environment, id));
    }

    @Test
    void anOwnersVideoIsFoundWithItsRecordedLengthAndItsThumbnail() {
        Video video = fixture.hostedVideo(OWNER, Environment.STAGE);
        String thumbnail = fixture.readyAsset(OWNER, Environment.STAGE, video.renderId(), "-thumb.jpg").url().orElseThrow();
        fixture.readyAsset(OWNER, Environment.STAGE, video.renderId(), "-poster.jpg");

        GetVideoResult result = get(OWNER, Environment.STAGE, video.id());

        assertThat(result).isEqualTo(new GetVideoResult.Found(new VideoView(video, Optional.of("3.5"),
                Optional.of(thumbnail))));
    }

    @Test
    void withoutAThumbnailThePosterStandsInAndWithoutEitherThereIsNone() {
        Video withPoster = fixture.hostedVideo(OWNER, Environment.STAGE);
        String poster = fixture.readyAsset(OWNER, Environment.STAGE, withPoster.renderId(), "-poster.jpg").url()
                .orElseThrow();
        Video bare = fixture.hostedVideo(OWNER, Environment.STAGE);

        assertThat(((GetVideoResult.Found) get(OWNER, Environment.STAGE, withPoster.id())).video().thumbnail())
                .contains(poster);
        assertThat(((GetVideoResult.Found) get(OWNER, Environment.STAGE, bare.id())).video().thumbnail()).isEmpty();
    }

    @Test
    void aVideoHostedBeforeItsRenderReportedALengthTakesTheRendersOnce() {
        Video video = fixture.hostedVideo(OWNER, Environment.V1, CREATED, Optional.empty(), Optional.empty());

        GetVideoResult result = get(OWNER, Environment.V1, video.id());

        assertThat(((GetVideoResult.Found) result).video().length()).contains("3.5");
    }

    @Test
    void anotherOwnersTheOtherEnvironmentsADeletedAndAnUnknownVideoAreNotFound() {
        Video others = fixture.hostedVideo(OTHER_OWNER, Environment.STAGE);
        Video v1 = fixture.hostedVideo(OWNER, Environment.V1);
        Video deleted = fixture.hostedVideo(OWNER, Environment.STAGE);
        fixture.assets.markDeleted(OWNER, deleted.id(), Instant.now());

        for (UUID id : new UUID[] {others.id(), v1.id(), deleted.id(), UUID.randomUUID()}) {
            assertThat(get(OWNER, Environment.STAGE, id)).isEqualTo(new GetVideoResult.NotFound(id));
        }
    }
}
