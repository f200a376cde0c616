package dev.reelforge.core.video;

import static dev.reelforge.core.video.VideoFixture.CREATED;
import static dev.reelforge.core.video.VideoFixture.OTHER_OWNER;
import static dev.reelforge.core.video.VideoFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The caller's channel's videos, newest first, a page at a time. */
class ListChannelVideosTest {

    private final VideoFixture fixture = new VideoFixture();
    private final ListChannelVideos list = new ListChannelVideos(fixture.videos, fixture.assets, fixture.renders);

    private List<UUID> hosted(int count, Environment environment) {
        List<UUID> newestFirst = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            newestFirst.addFirst(fixture.hostedVideo(OWNER, environment, CREATED.plusSeconds(i), Optional.empty(),
                    Optional.of("1")).id());
        }
        return newestFirst;
    }

    private ListChannelVideosResult.Listed page(int page, int size) {
        return (ListChannelVideosResult.Listed) list.list(new ListChannelVideosCommand(OWNER, Environment.STAGE,
                Optional.of(ChannelId.of(OWNER, Environment.STAGE)), page, size));
    }

    private static List<UUID> ids(ListChannelVideosResult.Listed listed) {
        return listed.videos().stream().map(view -> view.video().id()).toList();
    }

    @Test
    void pagesGoNewestFirstAndSayWhetherPagesComeBeforeAndAfter() {
        List<UUID> videos = hosted(5, Environment.STAGE);
        hosted(2, Environment.V1);
        fixture.hostedVideo(OTHER_OWNER, Environment.STAGE);

        ListChannelVideosResult.Listed first = page(1, 2);
        ListChannelVideosResult.Listed last = page(3, 2);
        ListChannelVideosResult.Listed beyond = page(4, 2);

        assertThat(ids(first)).isEqualTo(videos.subList(0, 2));
        assertThat(first.previous()).isFalse();
        assertThat(first.next()).isTrue();
        assertThat(ids(page(2, 2))).isEqualTo(videos.subList(2, 4));
        assertThat(ids(last)).isEqualTo(videos.subList(4, 5));
        assertThat(last.previous()).isTrue();
        assertThat(last.next()).isFalse();
        assertThat(ids(beyond)).isEmpty();
        assertThat(ids(page(1, 50))).isEqualTo(videos);
    }

    @Test
    void aVideoDeletedThroughTheServeApiIsNotListedEvenBeforeItLeavesTheIndex() {
        List<UUID> videos = hosted(3, Environment.STAGE);
        fixture.assets.markDeleted(OWNER, videos.get(1), Instant.now());

        assertThat(ids(page(1, 50))).containsExactly(videos.get(0), videos.get(2));
    }

    @Test
    void theCallersOwnChannelIsListedWithoutNamingItAndAnyOtherIsNoChannel() {
        List<UUID> videos = hosted(2, Environment.V1);
        String othersChannel = ChannelId.of(OTHER_OWNER, Environment.V1);
        String stageChannel = ChannelId.of(OWNER, Environment.STAGE);

        ListChannelVideosResult own = list.list(new ListChannelVideosCommand(OWNER, Environment.V1, Optional.empty(),
                1, 50));

        assertThat(ids((ListChannelVideosResult.Listed) own)).isEqualTo(videos);
        assertThat(((ListChannelVideosResult.Listed) own).channel()).isEqualTo(ChannelId.of(OWNER, Environment.V1));
        assertThat(list.list(new ListChannelVideosCommand(OWNER, Environment.V1, Optional.of(othersChannel), 1, 50)))
                .isEqualTo(new ListChannelVideosResult.NoSuchChannel(othersChannel));
        assertThat(list.list(new ListChannelVideosCommand(OWNER, Environment.V1, Optional.of(stageChannel), 1, 50)))
                .isEqualTo(new ListChannelVideosResult.NoSuchChannel(stageChannel));
    }
}
