package dev.reelforge.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowPublicLinkTest {

    private static final String ID = "019aef3c5a00beef00000002";
    private static final URI TARGET = URI.create("https://cdn.example/owner/render.mp4");

    private final FollowPublicLink followPublicLink = new FollowPublicLink(
            id -> Optional.ofNullable(Map.of(ID, TARGET).get(id)));

    @Test
    void anyBoundedNameEndingInMp4LeadsToTheTarget() {
        assertThat(followPublicLink.follow(ID, "summer-in-lisbon.mp4")).contains(TARGET);
        assertThat(followPublicLink.follow(ID, "Summer in Lisbon, 2026!.mp4")).contains(TARGET);
        assertThat(followPublicLink.follow(ID, "a".repeat(200) + ".mp4")).contains(TARGET);
    }

    @Test
    void anythingElseIsNoLink() {
        assertThat(followPublicLink.follow(ID, ".mp4")).isEmpty();
        assertThat(followPublicLink.follow(ID, "a".repeat(201) + ".mp4")).isEmpty();
        assertThat(followPublicLink.follow(ID, "video.avi")).isEmpty();
        assertThat(followPublicLink.follow(ID, "line\nbreak.mp4")).isEmpty();
        assertThat(followPublicLink.follow(ID, "a/b.mp4")).isEmpty();
        assertThat(followPublicLink.follow(ID.toUpperCase(), "video.mp4")).isEmpty();
        assertThat(followPublicLink.follow("019aef3c5a00beef00000003", "video.mp4")).isEmpty();
        assertThat(followPublicLink.follow(null, null)).isEmpty();
    }
}
