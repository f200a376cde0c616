package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.dynamodb.DynamoDbVideos;
import dev.reelforge.core.Environment;
import dev.reelforge.core.video.ChannelId;
import dev.reelforge.core.video.ExpirationRule;
import dev.reelforge.core.video.Protection;
import dev.reelforge.core.video.Video;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The videos table as the Videos API and the expiration sweep use it, on DynamoDB Local: adding is idempotent, a
 * channel's listing comes newest first a page at a time, and a due video keeps its rule for the sweep, which claims
 * it once. Due times lie in 2100, where the shared stack's own sweep (which runs every minute on the stack's clock)
 * never reaches them.
 */
class DynamoDbVideosIT {

    private static final Instant ADDED = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant DUE = Instant.parse("2100-01-01T00:00:00Z");

    private static DynamoDbVideos videos;

    @BeforeAll
    static void connect() {
        var stack = SharedStack.get();
        videos = new DynamoDbVideos(stack.services().dynamoDb(), stack.tableName("VideosTable"));
    }

    private static Video video(String owner, Instant added, Optional<String> length) {
        UUID renderId = UUID.randomUUID();
        return Video.hosted(UUID.randomUUID(), owner, Environment.STAGE, renderId, renderId + ".mp4",
                "https://cdn.reelforge.test/" + owner + "/" + renderId + ".mp4", 123_456_789L, length, added);
    }

    private static String owner() {
        return "videosit" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aVideoReadsBackAsAddedAndAddingItAgainChangesNothing() {
        Video video = video(owner(), ADDED, Optional.of("12.345"));
        Video withoutLength = video(owner(), ADDED, Optional.empty());

        assertThat(videos.add(video)).isTrue();
        assertThat(videos.add(withoutLength)).isTrue();
        assertThat(videos.add(new Video(video.id(), video.owner(), Environment.V1, video.renderId(), ADDED.plusSeconds(9),
                "again", "again", Protection.PUBLIC, Optional.empty(), 1, video.url(), new ExpirationRule.Never())))
                .isFalse();

        assertThat(videos.find(video.id())).contains(video);
        assertThat(videos.find(withoutLength.id())).contains(withoutLength);
        assertThat(videos.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void onlyTheOwnerChangesTheTitleAndDescriptionAndWhatIsNotSentStays() {
        Video video = video(owner(), ADDED, Optional.of("1"));
        videos.add(video);

        assertThat(videos.describe(video.id(), "someoneelse", Optional.of("taken"), Optional.empty())).isFalse();
        assertThat(videos.describe(video.id(), video.owner(), Optional.of("Launch"), Optional.empty())).isTrue();
        assertThat(videos.describe(video.id(), video.owner(), Optional.empty(), Optional.of("The launch"))).isTrue();
        assertThat(videos.describe(UUID.randomUUID(), video.owner(), Optional.of("x"), Optional.empty())).isFalse();

        Video described = videos.find(video.id()).orElseThrow();
        assertThat(described.title()).isEqualTo("Launch");
        assertThat(described.description()).isEqualTo("The launch");
    }

    @Test
    void aChannelIsListedNewestFirstAPageAtATimeWithoutItsUnlistedVideos() {
        String owner = owner();
        List<Video> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Video video = video(owner, ADDED.plusSeconds(i), Optional.empty());
            videos.add(video);
            newestFirst.addFirst(video);
        }
        videos.add(video(owner(), ADDED.plusSeconds(99), Optional.empty()));
        videos.unlist(newestFirst.get(3).id());
        newestFirst.remove(3);
        String channel = ChannelId.of(owner, Environment.STAGE);

        assertThat(videos.listed(channel, 0, 4)).isEqualTo(new DynamoDbVideos.VideoPage(newestFirst.subList(0, 4), true));
        assertThat(videos.listed(channel, 4, 4)).isEqualTo(new DynamoDbVideos.VideoPage(newestFirst.subList(4, 6), false));
        assertThat(videos.listed(channel, 2, 4)).isEqualTo(new DynamoDbVideos.VideoPage(newestFirst.subList(2, 6), false));
        assertThat(videos.listed(channel, 6, 4).videos()).isEmpty();
        assertThat(videos.listed(ChannelId.of(owner, Environment.V1), 0, 50).videos()).isEmpty();
    }

    @Test
    void aVideoIsDueAtItsTimeAndThenKeepsItsRuleAndIsClaimedOnce() {
        Video video = video(owner(), ADDED, Optional.empty());
        videos.add(video);
        Instant before = DUE.minusSeconds(60);

        assertThat(videos.setExpiration(video.id(), "someoneelse", new ExpirationRule.AtGivenTime(DUE), before))
                .isFalse();
        assertThat(videos.setExpiration(video.id(), video.owner(), new ExpirationRule.AtGivenTime(DUE), before))
                .isTrue();
        assertThat(videos.find(video.id()).orElseThrow().expiration()).isEqualTo(new ExpirationRule.AtGivenTime(DUE));
        assertThat(videos.dueBy(DUE.minusSeconds(1), 1000)).doesNotContain(video.id());
        assertThat(videos.claimExpiration(video.id(), DUE.minusSeconds(1))).isEmpty();
        assertThat(videos.dueBy(DUE, 1000)).contains(video.id());

        assertThat(videos.setExpiration(video.id(), video.owner(), new ExpirationRule.Never(), DUE)).isFalse();
        assertThat(videos.claimExpiration(video.id(), DUE.plusMillis(500))).contains(DUE.plusMillis(500));
        assertThat(videos.claimExpiration(video.id(), DUE.plusSeconds(60))).contains(DUE.plusMillis(500));
        videos.finishExpiration(video.id());

        assertThat(videos.dueBy(DUE.plusSeconds(60), 1000)).doesNotContain(video.id());
        assertThat(videos.claimExpiration(video.id(), DUE.plusSeconds(120))).isEmpty();
        assertThat(videos.listed(video.channel(), 0, 50).videos()).isEmpty();
        assertThat(videos.find(video.id()).orElseThrow().expiration()).isEqualTo(new ExpirationRule.AtGivenTime(DUE));
    }

    @Test
    void neverBeforeTheTimeTakesTheVideoOutOfTheSweepsIndex() {
        Video video = video(owner(), ADDED, Optional.empty());
        videos.add(video);
        Instant due = DUE.plusSeconds(3600);

        videos.setExpiration(video.id(), video.owner(), new ExpirationRule.AtGivenTime(due), DUE);
        assertThat(videos.setExpiration(video.id(), video.owner(), new ExpirationRule.Never(), due.minusSeconds(1)))
                .isTrue();

        assertThat(videos.dueBy(due.plusSeconds(60), 1000)).doesNotContain(video.id());
        assertThat(videos.claimExpiration(video.id(), due.plusSeconds(60))).isEmpty();
        assertThat(videos.find(video.id()).orElseThrow().expiration()).isEqualTo(new ExpirationRule.Never());
    }

    @Test
    void anUnlistedVideoLeavesTheSweepsIndexAndNoItemIsMadeForAnUnknownId() {
        Video video = video(owner(), ADDED, Optional.empty());
        videos.add(video);
        Instant due = DUE.plusSeconds(7200);
        videos.setExpiration(video.id(), video.owner(), new ExpirationRule.AtGivenTime(due), DUE);
        UUID unknown = UUID.randomUUID();

        videos.unlist(video.id());
        videos.unlist(unknown);
        videos.finishExpiration(unknown);

        assertThat(videos.dueBy(due, 1000)).doesNotContain(video.id());
        assertThat(videos.setExpiration(video.id(), video.owner(), new ExpirationRule.Never(), DUE)).isFalse();
        assertThat(videos.find(unknown)).isEmpty();
    }
}
