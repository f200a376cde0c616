package dev.reelforge.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.InMemoryRenders;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.pipeline.Storage;
import dev.reelforge.core.pipeline.TemporaryUrls;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordEncodingEventTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String OWNER = "o1";
    private static final UUID ID = UUID.fromString("0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d");
    private static final String BASE = "renders/" + OWNER + "/" + ID;
    private static final String BUCKET = "s3://temp/";

    private final InMemoryRenders renders = new InMemoryRenders();
    private final RecordEncodingEvent record = new RecordEncodingEvent(renders, new BucketStorage(),
            key -> "https://temp.cdn/" + key + "?signed", Clock.fixed(NOW, ZoneOffset.UTC));
    private final RenderKey key = new RenderKey(OWNER, ID);

    @Test
    void theRendersFileIsTheRecordedOneEvenWhenARenditionIsReportedFirst() {
        queuedWithRenditions();
        renders.recordOutputs(key, new RenderOutputs(BASE + ".mp4", Optional.of(BASE + "-poster.0000001.jpg"),
                Optional.of(BASE + "-thumb.0000001.jpg"), true, List.of(
                        new RenderOutputs.RenditionOutputs("360", BASE + "-360.mp4", BASE + "-360-thumb.0000001.jpg"))),
                NOW);

        RecordEncodingEventResult result = record.record(new EncodingEvent(key, "job-1", new EncodingEvent.Completed(
                List.of(BUCKET + BASE + "-360.mp4", BUCKET + BASE + ".mp4", BUCKET + BASE + "-360-thumb.0000001.jpg",
                        BUCKET + BASE + "-poster.0000001.jpg", BUCKET + BASE + "-thumb.0000001.jpg"), 4_000)));

        assertThat(result).isEqualTo(new RecordEncodingEventResult.Recorded(RenderStatus.DONE));
        RenderResult done = renders.find(OWNER, ID).orElseThrow().result().orElseThrow();
        assertThat(done.url()).isEqualTo("https://temp.cdn/" + BASE + ".mp4?signed");
        assertThat(done.poster()).contains("https://temp.cdn/" + BASE + "-poster.0000001.jpg?signed");
        assertThat(done.thumbnail()).contains("https://temp.cdn/" + BASE + "-thumb.0000001.jpg?signed");
        assertThat(done.duration()).isEqualTo(4.0);
    }

    @Test
    void aJobThatWroteOnlyTheRenditionsFailsTheRender() {
        queuedWithRenditions();
        renders.recordOutputs(key, new RenderOutputs(BASE + ".mp4", Optional.empty(), Optional.empty(), true,
                List.of(new RenderOutputs.RenditionOutputs("360", BASE + "-360.mp4", BASE + "-360-thumb.0000001.jpg"))),
                NOW);

        RecordEncodingEventResult result = record.record(new EncodingEvent(key, "job-1", new EncodingEvent.Completed(
                List.of(BUCKET + BASE + "-360.mp4", BUCKET + BASE + "-360-thumb.0000001.jpg"), 4_000)));

        assertThat(result).isEqualTo(new RecordEncodingEventResult.Recorded(RenderStatus.FAILED));
        assertThat(renders.find(OWNER, ID).orElseThrow().error())
                .contains("encoding finished without writing the render's file");
    }

    private void queuedWithRenditions() {
        renders.add(Render.queuedForProject(ID, OWNER, Environment.V1, Json.object(),
                List.of(new Rendition("360", new Size(640, 360))), "project-1", NOW.minusSeconds(30)));
    }

    /** Locations of one bucket, {@code s3://temp/{key}}. */
    private static final class BucketStorage implements Storage {

        @Override
        public String put(String key, Path file, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String location(String key) {
            return BUCKET + key;
        }

        @Override
        public String keyOf(String location) {
            return location.substring(BUCKET.length());
        }

        @Override
        public void delete(String key) {
            throw new UnsupportedOperationException();
        }
    }
}
