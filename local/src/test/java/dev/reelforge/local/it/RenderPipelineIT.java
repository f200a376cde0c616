package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.core.Environment;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.local.it.RenderPlayback.Frame;
import dev.reelforge.local.it.RenderTestStack.Watched;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A typical edit, rendered end to end on the embedded stack as a user meets it: submitted and polled through
 * HTTP (every exchange judged by the contract), its MP4, poster and thumbnail downloaded from the URLs the
 * done render answers and read back with ffmpeg.
 *
 * <p>The edit has two tracks: a title fading in and out over a flat navy video clip, followed ({@code start:
 * auto}) by an amber image zooming in behind a wipe; a soundtrack fading in and out; resolution sd; a poster
 * and a thumbnail. The same edit is rendered through the sandbox ({@code stage}) and production ({@code v1}).
 */
class RenderPipelineIT {

    private static final double TIMELINE_SECONDS = 6;
    private static final int WIDTH = 1024;
    private static final int HEIGHT = 576;
    private static final int FPS = 25;
    /** The navy of the video clip, as ffmpeg's 0x203060. */
    private static final int[] NAVY = {0x20, 0x30, 0x60};

    private static RenderTestStack stack;
    private static RenderPlayback playback;
    private static String edit;
    private static String stageId;
    private static String submitAnswer;
    private static Watched stage;
    private static Watched v1;
    private static Instant submitted;
    private static Instant finished;

    @BeforeAll
    static void renderTheEditInBothEnvironments() {
        stack = RenderTestStack.start();
        playback = stack.playback();
        Path clip = stack.media().colourVideo("navy.mp4", "0x203060", 640, 360, 4);
        Path still = stack.media().image("amber.png", "0xC08020", 640, 360);
        Path music = stack.media().tone("music.mp3", 440, 8);
        edit = """
                {
                  "timeline": {
                    "soundtrack": {"src": "%s", "effect": "fadeInFadeOut"},
                    "background": "#000000",
                    "tracks": [
                      {"clips": [
                        {"asset": {"type": "title", "text": "Reelforge", "style": "minimal", "size": "large"},
                         "start": 0, "length": 2.5, "transition": {"in": "fade", "out": "fade"}}
                      ]},
                      {"clips": [
                        {"asset": {"type": "video", "src": "%s"}, "start": 0, "length": 4},
                        {"asset": {"type": "image", "src": "%s"}, "start": "auto", "length": 2,
                         "effect": "zoomIn", "transition": {"in": "wipeRight"}}
                      ]}
                    ]
                  },
                  "output": {"format": "mp4", "resolution": "sd", "poster": {"capture": 1},
                             "thumbnail": {"capture": 1, "scale": 0.25}}
                }
                """.formatted(stack.url(music), stack.url(clip), stack.url(still));
        // Both are submitted before either is awaited, so the worker composes one while the other encodes.
        submitted = Instant.now();
        RenderTestStack.Submitted stageRender = stack.submitAndLook(Environment.STAGE, edit);
        stageId = stageRender.id();
        submitAnswer = stageRender.firstStatus();
        RenderTestStack.Submitted v1Render = stack.submitAndLook(Environment.V1, edit);
        stage = stack.awaitFinished(stageRender);
        v1 = stack.awaitFinished(v1Render);
        finished = Instant.now();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aTypicalEditMovesFromQueuedThroughTheWorkToDone() {
        stage.assertDone();
        // The first read follows the submit at once; the worker may already have claimed the render by then.
        assertThat(submitAnswer).as("status right after submitting").isIn("queued", "fetching", "rendering");
        List<String> order = List.of("queued", "fetching", "rendering", "saving", "done");
        assertThat(stage.statuses()).as("statuses seen").allSatisfy(status -> assertThat(order).contains(status));
        assertThat(stage.statuses().stream().map(order::indexOf).toList()).as("statuses seen %s", stage.statuses())
                .isSorted();
        assertThat(stage.statuses()).as("statuses seen").containsAnyOf("fetching", "rendering", "saving")
                .endsWith("done");
    }

    @Test
    void theDoneRenderAnswersItsUrlsDurationAndRenderTime() {
        JsonNode render = stage.assertDone().render();
        assertThat(render.path("id").asText()).isEqualTo(stageId);
        assertThat(render.path("owner").asText()).isEqualTo(stack.owner());
        assertThat(render.path("url").asText()).contains(stageId).contains(".mp4");
        assertThat(render.path("poster").asText()).contains(stageId).contains(".jpg");
        assertThat(render.path("thumbnail").asText()).contains(stageId).contains(".jpg");
        assertThat(render.path("duration").asDouble()).as("duration").isCloseTo(TIMELINE_SECONDS, within(1.0 / FPS));
        assertThat(render.path("renderTime").asDouble()).as("renderTime").isPositive();
        assertThat(render.has("error")).as("a done render has no error").isFalse();
    }

    @Test
    void theTemporaryUrlsAreSignedUrlsOfTheTemporaryCdnAtTheHostedCopysPathValidForADay() {
        URI temporaryCdn = stack.stack().descriptor().services().get("temporaryCdn");
        for (String output : List.of("url", "poster", "thumbnail")) {
            URI url = URI.create(stage.assertDone().render().path(output).asText());
            String filename = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);

            assertThat(url.getAuthority()).as(output).isEqualTo(temporaryCdn.getAuthority());
            assertThat(url.getPath()).as("%s: the path of its copy on the CDN", output)
                    .isEqualTo(S3HostedFiles.path(stack.owner(), filename));
            assertThat(url.getQuery()).as(output).contains("Signature=").contains("Key-Pair-Id=");
            long expires = Long.parseLong(url.getQuery().replaceFirst(".*Expires=(\\d+).*", "$1"));
            assertThat(Instant.ofEpochSecond(expires)).as("%s expires a day after the render was done", output)
                    .isBetween(submitted.plus(Duration.ofHours(24)).minusSeconds(1), finished.plus(Duration.ofHours(24)));
        }
        assertThat(URI.create(stage.render().path("url").asText()).getPath()).endsWith("/" + stageId + ".mp4");
    }

    @Test
    void theMp4IsH264AndAacAtSdSizeAndFrameRateForTheTimelinesLength() {
        Path mp4 = stack.download(stage.render().path("url").asText(), "mp4");

        assertThat(playback.container(mp4)).contains("mp4");
        MediaInfo info = playback.probe(mp4);
        MediaInfo.VideoStream video = info.video().orElseThrow();
        assertThat(video.codec()).isEqualTo("h264");
        assertThat(video.width()).isEqualTo(WIDTH);
        assertThat(video.height()).isEqualTo(HEIGHT);
        assertThat(video.fps()).isEqualTo(FPS);
        assertThat(info.audio()).as("the soundtrack is heard").isPresent();
        assertThat(info.audio().orElseThrow().codec()).isEqualTo("aac");
        assertThat(playback.frameCount(mp4)).as("frames").isCloseTo((int) (TIMELINE_SECONDS * FPS), within(1));
        assertThat(playback.duration(mp4)).as("container duration").isCloseTo(TIMELINE_SECONDS, within(1.0 / FPS));
        assertThat(playback.meanVolume(mp4)).as("mean volume (dB)").isGreaterThan(-40);
    }

    @Test
    void thePosterAndThumbnailAreJpegsOfTheOutputAndAQuarterOfIt() {
        Path poster = stack.download(stage.render().path("poster").asText(), "jpg");
        Path thumbnail = stack.download(stage.render().path("thumbnail").asText(), "jpg");

        for (Path jpeg : List.of(poster, thumbnail)) {
            assertThat(RenderPlayback.head(jpeg, 3)).as("JPEG signature").containsExactly(0xFF, 0xD8, 0xFF);
            assertThat(playback.probe(jpeg).video().orElseThrow().codec()).isEqualTo("mjpeg");
        }
        assertThat(playback.probe(poster).video().orElseThrow()).extracting("width", "height")
                .containsExactly(WIDTH, HEIGHT);
        assertThat(playback.probe(thumbnail).video().orElseThrow()).extracting("width", "height")
                .containsExactly(WIDTH / 4, HEIGHT / 4);
        // captured at 1 s, while the title is on the navy clip
        Frame posterFrame = playback.frameAt(poster, 0);
        assertThat(posterFrame.isAt(0.05, 0.1, NAVY[0], NAVY[1], NAVY[2], 16)).as(posterFrame.describeAt(0.05, 0.1))
                .isTrue();
    }

    @Test
    void theSoundtrackFadesInAtTheStartAndOutAtTheEnd() {
        Path mp4 = stack.download(v1.assertDone().render().path("url").asText(), "mp4");

        // fadeInFadeOut takes 2 s each way
        double start = playback.meanVolume(mp4, 0, 0.4);
        double middle = playback.meanVolume(mp4, 2.5, 3.5);
        double end = playback.meanVolume(mp4, 5.6, 5.95);
        assertThat(middle).as("mean volume (dB) from 2.5 s to 3.5 s").isGreaterThan(-30);
        assertThat(start).as("mean volume (dB) of the first 0.4 s, against %.1f in the middle", middle)
                .isLessThan(middle - 10);
        assertThat(end).as("mean volume (dB) of the last 0.4 s, against %.1f in the middle", middle)
                .isLessThan(middle - 10);
    }

    @Test
    void thePosterIsTheFrameAtItsCaptureTime() {
        Frame poster = playback.frameAt(stack.download(v1.assertDone().render().path("poster").asText(), "jpg"), 0);
        Path mp4 = stack.download(v1.render().path("url").asText(), "mp4");

        // at 1 s the title has just faded in; at 0 it is not there yet
        int x0 = WIDTH / 4;
        int x1 = WIDTH * 3 / 4;
        int y0 = HEIGHT * 2 / 5;
        int y1 = HEIGHT * 3 / 5;
        Frame atCapture = playback.frameAt(mp4, 1.0);
        Frame atStart = playback.frameAt(mp4, 0);
        assertThat(poster.difference(atCapture, x0, y0, x1, y1)).as("poster against the MP4's frame at 1 s")
                .isLessThan(3);
        assertThat(poster.difference(atStart, x0, y0, x1, y1)).as("poster against the MP4's first frame")
                .isGreaterThan(5);
    }

    @Test
    void theTitleIsDrawnOverTheVideoWhileItsClipLasts() {
        Path mp4 = stack.download(v1.assertDone().render().path("url").asText(), "mp4");

        // the title is fully faded in between 1 s and 1.5 s; at 3 s only the navy clip is there
        Frame withTitle = playback.frameAt(mp4, 1.25);
        Frame withoutTitle = playback.frameAt(mp4, 3.0);

        int x0 = WIDTH / 4;
        int x1 = WIDTH * 3 / 4;
        int y0 = HEIGHT * 2 / 5;
        int y1 = HEIGHT * 3 / 5;
        assertThat(withTitle.brightPixels(x0, y0, x1, y1, 200)).as("white title pixels in the centre at 1.25 s")
                .isGreaterThan(500);
        assertThat(withoutTitle.brightPixels(x0, y0, x1, y1, 200)).as("white pixels in the centre at 3 s").isZero();
        assertThat(withTitle.difference(withoutTitle, x0, y0, x1, y1)).as("title region, 1.25 s against 3 s")
                .isGreaterThan(5);
        assertThat(withTitle.difference(withoutTitle, 0, 0, WIDTH / 8, HEIGHT / 8))
                .as("top-left corner, away from the title").isLessThan(3);
        assertThat(withoutTitle.isAt(0.5, 0.5, NAVY[0], NAVY[1], NAVY[2], 12)).as(withoutTitle.describeAt(0.5, 0.5))
                .isTrue();
    }

    @Test
    void theImageFollowsTheVideoClipAtItsEnd() {
        Path mp4 = stack.download(v1.assertDone().render().path("url").asText(), "mp4");

        Frame image = playback.frameAt(mp4, 5.5);

        assertThat(image.isAt(0.5, 0.5, 0xC0, 0x80, 0x20, 16)).as("amber at 5.5 s: " + image.describeAt(0.5, 0.5))
                .isTrue();
    }

    @Test
    void theSandboxOutputIsWatermarkedInTheBottomRightCornerAndProductionIsNot() {
        Frame sandbox = playback.frameAt(stack.download(stage.assertDone().render().path("url").asText(), "mp4"), 3.0);
        Frame production = playback.frameAt(stack.download(v1.assertDone().render().path("url").asText(), "mp4"), 3.0);

        // the watermark is 20% of the width, 2% from the right and bottom edges
        int x0 = (int) (WIDTH * 0.77);
        int x1 = (int) (WIDTH * 0.985);
        int y0 = (int) (HEIGHT * 0.88);
        int y1 = (int) (HEIGHT * 0.975);
        assertThat(notNavy(sandbox, x0, y0, x1, y1)).as("pixels of stage's bottom-right corner that are not the "
                + "clip's navy").isGreaterThan(1000);
        assertThat(notNavy(production, x0, y0, x1, y1)).as("pixels of v1's bottom-right corner that are not the "
                + "clip's navy").isZero();
        assertThat(sandbox.difference(production, x0, y0, x1, y1)).as("bottom-right corner, stage against v1")
                .isGreaterThan(3);
        // nowhere else
        assertThat(notNavy(sandbox, 0, (int) (HEIGHT * 0.8), WIDTH / 2, HEIGHT)).as("stage's bottom-left").isZero();
        assertThat(notNavy(sandbox, WIDTH / 2, 0, WIDTH, HEIGHT / 5)).as("stage's top-right").isZero();
        assertThat(sandbox.difference(production, 0, 0, WIDTH, (int) (HEIGHT * 0.8))).as("all but the bottom")
                .isLessThan(1);
    }

    @Test
    void theSandboxMp4HasEveryFrameOfTheTimelineAsProductionDoes() {
        Path sandbox = stack.download(stage.assertDone().render().path("url").asText(), "mp4");
        Path production = stack.download(v1.assertDone().render().path("url").asText(), "mp4");

        assertThat(playback.frameCount(production)).as("frames of the v1 MP4").isEqualTo((int) (TIMELINE_SECONDS * FPS));
        assertThat(playback.frameCount(sandbox)).as("frames of the stage MP4").isEqualTo((int) (TIMELINE_SECONDS * FPS));
    }

    private static int notNavy(Frame frame, int x0, int y0, int x1, int y1) {
        int off = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (!frame.is(x, y, NAVY[0], NAVY[1], NAVY[2], 14)) {
                    off++;
                }
            }
        }
        return off;
    }
}
