package dev.reelforge.core.video;

import static dev.reelforge.core.video.VideoFixture.OTHER_OWNER;
import static dev.reelforge.core.video.VideoFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.AssetStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Changing and deleting a video: the owner's only; another owner's is refused as not theirs and stays as it is. */
class UpdateAndDeleteVideoTest {

    private final VideoFixture fixture = new VideoFixture();
    private final UpdateVideo updateVideo = new UpdateVideo(fixture.videos, fixture.assets, fixture.renders);
    private final DeleteVideo deleteVideo = new DeleteVideo(fixture.videos, fixture.assets,
            fixture.clock);

    private UpdateVideoResult update(String owner, Video video, Optional<String> title, Optional<String> description,
            Optional<Protection> protection) {
        return updateVideo.update(new UpdateVideoCommand(owner, video.environment(), video.id(), title, description,
                protection));
    }

    @Test
    void theTitleAndDescriptionChangeAndWhatIsNotSentStays() {
        Video video = fixture.hostedVideo(OWNER, Environment.STAGE);

        update(OWNER, video, Optional.of("Launch"), Optional.empty(), Optional.empty());
        UpdateVideoResult result = update(OWNER, video, Optional.empty(), Optional.of("The launch video"),
                Optional.of(Protection.PUBLIC));

        Video updated = ((UpdateVideoResult.Updated) result).video().video();
        assertThat(updated.title()).isEqualTo("Launch");
        assertThat(updated.description()).isEqualTo("The launch video");
        assertThat(fixture.videos.find(video.id())).contains(updated);
    }

    @Test
    void privateProtectionIsRefusedAndNothingChanges() {
        Video video = fixture.hostedVideo(OWNER, Environment.STAGE);

        UpdateVideoResult result = update(OWNER, video, Optional.of("Launch"), Optional.empty(),
                Optional.of(Protection.PRIVATE));

        assertThat(result).isEqualTo(new UpdateVideoResult.ProtectionUnsupported(Protection.PRIVATE));
        assertThat(fixture.videos.find(video.id())).contains(video);
    }

    @Test
    void anotherOwnersVideoIsNotTheirsAndKeepsItsTitle() {
        Video others = fixture.hostedVideo(OTHER_OWNER, Environment.STAGE);

        UpdateVideoResult result = update(OWNER, others, Optional.of("mine now"), Optional.empty(), Optional.empty());

        assertThat(result).isEqualTo(new UpdateVideoResult.NotYours(others.id()));
        assertThat(fixture.videos.find(others.id())).contains(others);
    }

    @Test
    void deletingDeletesTheAssetAsTheServeApiDoesAndUnlistsTheVideoOnce() {
        Video video = fixture.hostedVideo(OWNER, Environment.V1);
        fixture.videos.setExpiration(video.id(), OWNER,
                new ExpirationRule.AtGivenTime(fixture.clock.instant().plusSeconds(600)), fixture.clock.instant());

        DeleteVideoResult deleted = deleteVideo.delete(new DeleteVideoCommand(OWNER, Environment.V1, video.id()));
        DeleteVideoResult again = deleteVideo.delete(new DeleteVideoCommand(OWNER, Environment.V1, video.id()));

        assertThat(deleted).isEqualTo(new DeleteVideoResult.Deleted(video.id()));
        assertThat(again).isEqualTo(new DeleteVideoResult.NotFound(video.id()));
        assertThat(fixture.assets.find(OWNER, video.id()).orElseThrow().status()).isEqualTo(AssetStatus.DELETED);
        assertThat(fixture.videos.isListed(video.id())).isFalse();
        assertThat(fixture.videos.isExpiring(video.id())).isFalse();
    }

    @Test
    void anotherOwnersVideoIsNotDeletedNorTheOtherEnvironmentsOwn() {
        Video others = fixture.hostedVideo(OTHER_OWNER, Environment.STAGE);
        Video v1 = fixture.hostedVideo(OWNER, Environment.V1);

        assertThat(deleteVideo.delete(new DeleteVideoCommand(OWNER, Environment.STAGE, others.id())))
                .isEqualTo(new DeleteVideoResult.NotYours(others.id()));
        assertThat(deleteVideo.delete(new DeleteVideoCommand(OWNER, Environment.STAGE, v1.id())))
                .isEqualTo(new DeleteVideoResult.NotFound(v1.id()));
        assertThat(fixture.assets.find(OTHER_OWNER, others.id()).orElseThrow().status()).isEqualTo(AssetStatus.READY);
        assertThat(fixture.assets.find(OWNER, v1.id()).orElseThrow().status()).isEqualTo(AssetStatus.READY);
        assertThat(fixture.videos.isListed(others.id())).isTrue();
    }
}
