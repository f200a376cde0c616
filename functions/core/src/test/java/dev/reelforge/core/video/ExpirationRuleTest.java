package dev.reelforge.core.video;

import static dev.reelforge.core.video.VideoFixture.OTHER_OWNER;
import static dev.reelforge.core.video.VideoFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading and setting a video's expiration rule. */
class ExpirationRuleTest {

    private final VideoFixture fixture = new VideoFixture();
    private final GetExpiration getExpiration = new GetExpiration(fixture.videos, fixture.assets);
    private final SetExpiration setExpiration = new SetExpiration(fixture.videos, fixture.assets,
            fixture.clock);

    private SetExpirationResult set(String owner, boolean manages, UUID id, ExpirationRule rule) {
        return setExpiration.set(new SetExpirationCommand(owner, Environment.STAGE, manages, id, rule));
    }

    private GetExpirationResult get(String owner, boolean manages, UUID id) {
        return getExpiration.get(new GetExpirationCommand(owner, Environment.STAGE, manages, id));
    }

    @Test
    void aNewVideoNeverExpiresAndTakesAGivenTimeInTheFutureThenNeverAgain() {
        Video video = fixture.hostedVideo(OWNER, Environment.STAGE);
        ExpirationRule inAnHour = new ExpirationRule.AtGivenTime(fixture.clock.instant().plusSeconds(3600));

        assertThat(get(OWNER, true, video.id())).isEqualTo(new GetExpirationResult.Found(new ExpirationRule.Never()));
        assertThat(set(OWNER, true, video.id(), inAnHour)).isEqualTo(new SetExpirationResult.Set(inAnHour));
        assertThat(get(OWNER, true, video.id())).isEqualTo(new GetExpirationResult.Found(inAnHour));
        assertThat(fixture.videos.isExpiring(video.id())).isTrue();
        assertThat(set(OWNER, true, video.id(), new ExpirationRule.Never()))
                .isEqualTo(new SetExpirationResult.Set(new ExpirationRule.Never()));
        assertThat(fixture.videos.isExpiring(video.id())).isFalse();
    }

    @Test
    void aGivenTimeThatIsNowOrPastIsRefused() {
        Video video = fixture.hostedVideo(OWNER, Environment.STAGE);
        Instant now = fixture.clock.instant();

        assertThat(set(OWNER, true, video.id(), new ExpirationRule.AtGivenTime(now)))
                .isEqualTo(new SetExpirationResult.NotInTheFuture(now, now));
        assertThat(get(OWNER, true, video.id())).isEqualTo(new GetExpirationResult.Found(new ExpirationRule.Never()));
    }

    @Test
    void aVideoWhoseTimeHasComeKeepsItsRule() {
        Video video = fixture.hostedVideo(OWNER, Environment.STAGE);
        set(OWNER, true, video.id(), new ExpirationRule.AtGivenTime(fixture.clock.instant().plusSeconds(60)));
        fixture.clock.advance(Duration.ofSeconds(60));

        assertThat(set(OWNER, true, video.id(), new ExpirationRule.Never()))
                .isEqualTo(new SetExpirationResult.NotFound(video.id()));
        assertThat(fixture.videos.isExpiring(video.id())).isTrue();
    }

    @Test
    void aClientWithoutThePermissionIsForbiddenWhateverTheVideo() {
        Video video = fixture.hostedVideo(OWNER, Environment.STAGE);

        assertThat(get(OWNER, false, video.id())).isEqualTo(new GetExpirationResult.Forbidden());
        assertThat(get(OWNER, false, UUID.randomUUID())).isEqualTo(new GetExpirationResult.Forbidden());
        assertThat(set(OWNER, false, video.id(), new ExpirationRule.Never()))
                .isEqualTo(new SetExpirationResult.Forbidden());
    }

    @Test
    void anotherOwnersVideoIsNotTheirsAndKeepsItsRule() {
        Video others = fixture.hostedVideo(OTHER_OWNER, Environment.STAGE);
        ExpirationRule soon = new ExpirationRule.AtGivenTime(fixture.clock.instant().plusSeconds(60));

        assertThat(get(OWNER, true, others.id())).isEqualTo(new GetExpirationResult.NotYours(others.id()));
        assertThat(set(OWNER, true, others.id(), soon)).isEqualTo(new SetExpirationResult.NotYours(others.id()));
        assertThat(fixture.videos.isExpiring(others.id())).isFalse();
        UUID unknown = UUID.randomUUID();
        assertThat(get(OWNER, true, unknown)).isEqualTo(new GetExpirationResult.NotFound(unknown));
    }
}
