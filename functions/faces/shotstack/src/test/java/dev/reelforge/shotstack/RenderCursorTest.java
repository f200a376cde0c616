package dev.reelforge.shotstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.render.RenderPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RenderCursorTest {

    private static final RenderPosition POSITION = new RenderPosition(Instant.parse("2026-12-06T19:02:03.456Z"),
            UUID.fromString("2abd5c11-0f3d-4c6d-ba20-235fc9b8e8b7"));

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aCursorGivenIsReadBackAsItsPosition() {
        String cursor = RenderCursor.of(POSITION);

        assertThat(cursor).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(RenderCursor.MAX_LENGTH);
        assertThat(RenderCursor.read(cursor)).contains(POSITION);
    }

    @Test
    void anythingButACursorGivenIsRefused() {
        String cursor = RenderCursor.of(POSITION);
        assertThat(RenderCursor.read("")).isEmpty();
        assertThat(RenderCursor.read("not a cursor")).isEmpty();
        assertThat(RenderCursor.read(cursor + "=")).as("padding").isEmpty();
        assertThat(RenderCursor.read(cursor.substring(1))).isEmpty();
        assertThat(RenderCursor.read("A".repeat(10_000))).isEmpty();
        assertThat(RenderCursor.read(encoded("r1.01." + POSITION.id()))).as("a leading zero").isEmpty();
        assertThat(RenderCursor.read(encoded("r1.-5." + POSITION.id()))).isEmpty();
        assertThat(RenderCursor.read(encoded("r1.5." + POSITION.id().toString().toUpperCase()))).isEmpty();
        assertThat(RenderCursor.read(encoded("r1.5." + POSITION.id() + "\n"))).isEmpty();
        assertThat(RenderCursor.read(encoded("r2.5." + POSITION.id()))).isEmpty();
        assertThat(RenderCursor.read(encoded("r1.9999999999999999." + POSITION.id()))).isEmpty();
    }

    @Test
    void aCursorHasOneSpelling() {
        String cursor = RenderCursor.of(new RenderPosition(Instant.ofEpochMilli(5), POSITION.id()));
        char last = cursor.charAt(cursor.length() - 1);
        String sibling = cursor.substring(0, cursor.length() - 1) + (char) (last + 1);

        assertThat(RenderCursor.read(sibling)).isEmpty();
    }
}
