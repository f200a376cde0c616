package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.aws.dynamodb.DynamoDbVideos;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetId;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.core.render.Rendition;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.it.RenderPlayback.Frame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A render with renditions, as the Picovico face will store one, on the embedded stack: a queued render of a short
 * 1280x720 edit with renditions {@code 360} (640x360) and {@code 480} (854x480) is put through the real
 * {@code Renders} port, and the pipeline (worker, encoder, the MediaConvert emulator running ffmpeg, the status
 * function, the promote function) takes it to {@code done}. The hosted files are downloaded from the CDN and read
 * with ffmpeg and ImageIO; the render is a sandbox ({@code stage}) one, so every file and capture must carry the
 * watermark.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RenditionsIT {

    private static final int FPS = 25;
    private static final double SECONDS = 3;
    /** The navy of the clip, as ffmpeg's 0x203060. */
    private static final int[] NAVY = {0x20, 0x30, 0x60};
    private static final List<Rendition> RENDITIONS =
            List.of(new Rendition("360", new Size(640, 360)), new Rendition("480", new Size(854, 480)));

    private static RenderTestStack stack;
    private static RenderPlayback playback;
    private static DynamoDbAssets assets;
    private static UUID id;
    private static JsonNode listed;
    /** The hosted files by filename suffix ({@code .mp4}, {@code -360.mp4}, {@code -360-thumb.jpg}...), downloaded. */
    private static final Map<String, Path> HOSTED = new LinkedHashMap<>();

    @BeforeAll
    static void renderAnEditWithTwoRenditions() {
        stack = RenderTestStack.start();
        playback = stack.playback();
        assets = new DynamoDbAssets(stack.stack().services().dynamoDb(), stack.stack().tableName("AssetsTable"));
        Path clip = stack.media().colourVideo("navy.mp4", "0x203060", 1280, 720, SECONDS);
        Path music = stack.media().tone("music.mp3", 440, SECONDS);
        JsonNode edit = Json.parseTrusted("""
                {"timeline": {"soundtrack": {"src": "%s"},
                              "tracks": [{"clips": [{"asset": {"type": "video", "src": "%s"}, "start": 0, "length": %s}]}]},
                 "output": {"format": "mp4", "resolution": "hd", "fps": %d, "thumbnail": {"capture": 1, "scale": 0.25}}}
                """.formatted(stack.url(music), stack.url(clip), SECONDS, FPS));
        id = UUID.randomUUID();
        Instant now = Instant.now();
        stack.renders().add(new Render(id, stack.owner(), Environment.STAGE, RenderStatus.QUEUED, edit, now, now,
                Optional.empty(), Optional.empty(), RENDITIONS, Optional.empty()));
        stack.awaitFinished(Environment.STAGE, id.toString()).assertDone();
        listed = awaitAssetsReady(6);
        for (JsonNode asset : listed) {
            String filename = asset.path("attributes").path("filename").asText();
            String suffix = filename.substring(id.toString().length());
            HOSTED.put(suffix, stack.download(asset.path("attributes").path("url").asText(),
                    suffix.substring(suffix.lastIndexOf('.') + 1)));
        }
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theRenderAndEachRenditionAreHostedWithTheirCapturesAndListedByTheServeApi() {
        assertThat(listed).extracting(asset -> asset.path("attributes").path("filename").asText()).containsExactly(
                id + "-360-thumb.jpg", id + "-360.mp4", id + "-480-thumb.jpg", id + "-480.mp4", id + "-thumb.jpg",
                id + ".mp4");
        assertThat(listed).allSatisfy(asset -> {
            assertThat(asset.path("attributes").path("status").asText()).isEqualTo("ready");
            assertThat(asset.path("attributes").path("renderId").asText()).isEqualTo(id.toString());
            assertThat(asset.path("attributes").has("size")).as("the contract has no size").isFalse();
        });
    }

    @Test
    void eachFileIsH264AndAacAtItsSizeAndAllLastAsLongWithinAFrame() {
        Map<String, Size> sizes = Map.of(".mp4", new Size(1280, 720), "-360.mp4", new Size(640, 360),
                "-480.mp4", new Size(854, 480));
        double mainDuration = playback.duration(HOSTED.get(".mp4"));
        assertThat(mainDuration).isCloseTo(SECONDS, within(1.0 / FPS));
        sizes.forEach((suffix, size) -> {
            Path file = HOSTED.get(suffix);
            MediaInfo info = playback.probe(file);
            MediaInfo.VideoStream video = info.video().orElseThrow(() -> new AssertionError(suffix + " has no video"));
            assertThat(video.codec()).as(suffix).isEqualTo("h264");
            assertThat(new Size(video.width(), video.height())).as(suffix).isEqualTo(size);
            assertThat(video.fps()).as(suffix).isCloseTo(FPS, within(0.01));
            assertThat(info.audio()).as("%s has the soundtrack", suffix).isPresent();
            assertThat(info.audio().orElseThrow().codec()).as(suffix).isEqualTo("aac");
            assertThat(playback.duration(file)).as("%s lasts as the render's file does", suffix)
                    .isCloseTo(mainDuration, within(1.0 / FPS));
        });
    }

    @Test
    void theThumbnailAndEachRenditionsCaptureAreJpegsOfTheirSizes() {
        assertThat(imageSize(HOSTED.get("-thumb.jpg"))).isEqualTo(new Size(320, 180));
        assertThat(imageSize(HOSTED.get("-360-thumb.jpg"))).isEqualTo(new Size(640, 360));
        assertThat(imageSize(HOSTED.get("-480-thumb.jpg"))).isEqualTo(new Size(854, 480));
    }

    @Test
    void eachAssetRecordsTheSizeOfItsHostedFile() throws IOException {
        for (Map.Entry<String, Path> hosted : HOSTED.entrySet()) {
            Asset asset = assets.find(stack.owner(), AssetId.of(id, id + hosted.getKey())).orElseThrow();
            assertThat(asset.size()).as(hosted.getKey()).contains(Files.size(hosted.getValue()));
        }
    }

    @Test
    void onlyTheRendersOwnFileIsAVideo() {
        DynamoDbVideos videos = new DynamoDbVideos(stack.stack().services().dynamoDb(),
                stack.stack().tableName("VideosTable"));

        assertThat(videos.find(AssetId.of(id, id + ".mp4"))).isPresent();
        assertThat(videos.find(AssetId.of(id, id + "-360.mp4"))).isEmpty();
        assertThat(videos.find(AssetId.of(id, id + "-480.mp4"))).isEmpty();
    }

    @Test
    void aSandboxRenditionAndItsCaptureAreWatermarkedInTheBottomRightCornerOnly() {
        List<Frame> frames = new ArrayList<>();
        for (String suffix : List.of(".mp4", "-360.mp4", "-480.mp4")) {
            frames.add(playback.frameAt(HOSTED.get(suffix), 1.5));
        }
        frames.add(jpegFrame(HOSTED.get("-360-thumb.jpg")));
        frames.add(jpegFrame(HOSTED.get("-480-thumb.jpg")));
        for (Frame frame : frames) {
            int w = frame.width();
            int h = frame.height();
            // the watermark is 20% of the width, 2% from the right and bottom edges
            assertThat(notNavy(frame, (int) (w * 0.77), (int) (h * 0.88), (int) (w * 0.985), (int) (h * 0.975)))
                    .as("pixels of the %dx%d frame's bottom-right corner that are not the clip's navy", w, h)
                    .isGreaterThan(w * h / 1000);
            assertThat(notNavy(frame, 0, (int) (h * 0.8), w / 2, h)).as("%dx%d bottom-left", w, h).isZero();
            assertThat(notNavy(frame, 0, 0, w, h / 2)).as("%dx%d top half", w, h).isZero();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void deletingTheRendersAssetsRemovesEveryRenditionsFileToo() {
        String hostingBucket = stack.stack().function("PromoteOutputFunction").definition().environment()
                .get("HOSTING_BUCKET");
        ApiResponse deleted = stack.api().delete("/serve/stage/assets/render/" + id, stack.key(Environment.STAGE));
        assertThat(deleted.status()).as(deleted.body().toString()).isEqualTo(204);

        JsonNode after = stack.api().get("/serve/stage/assets/render/" + id, stack.key(Environment.STAGE)).body()
                .path("data");
        assertThat(after).hasSize(6).allSatisfy(asset ->
                assertThat(asset.path("attributes").path("status").asText()).isEqualTo("deleted"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<String> left = hostedKeys(hostingBucket);
        while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
            RenderTestStack.sleep(Duration.ofMillis(100));
            left = hostedKeys(hostingBucket);
        }
        assertThat(left).as("hosted files of the render left").isEmpty();
        assertThat(assets.findForRender(stack.owner(), id)).extracting(Asset::status)
                .containsOnly(AssetStatus.DELETED);
    }

    private static List<String> hostedKeys(String bucket) {
        List<String> keys = new ArrayList<>();
        for (String suffix : List.of(".mp4", "-thumb.jpg", "-360.mp4", "-360-thumb.jpg", "-480.mp4", "-480-thumb.jpg")) {
            String key = S3HostedFiles.key(stack.owner(), id + suffix);
            try {
                stack.stack().services().s3().headObject(head -> head.bucket(bucket).key(key));
                keys.add(key);
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
            }
        }
        return keys;
    }

    /** Polls the Serve API, as a user would, until the render lists {@code count} assets, all ready. */
    private static JsonNode awaitAssetsReady(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            ApiResponse response = stack.api().get("/serve/stage/assets/render/" + id, stack.key(Environment.STAGE));
            assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
            JsonNode data = response.body().path("data");
            if (data.size() == count && data.findValuesAsText("status").stream().allMatch("ready"::equals)) {
                return data;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the render's assets are not all ready: " + data);
            }
            RenderTestStack.sleep(Duration.ofMillis(100));
        }
    }

    private static Size imageSize(Path jpeg) {
        BufferedImage image = read(jpeg);
        return new Size(image.getWidth(), image.getHeight());
    }

    private static Frame jpegFrame(Path jpeg) {
        BufferedImage image = read(jpeg);
        byte[] rgb = new byte[image.getWidth() * image.getHeight() * 3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                int at = (y * image.getWidth() + x) * 3;
                rgb[at] = (byte) (pixel >> 16);
                rgb[at + 1] = (byte) (pixel >> 8);
                rgb[at + 2] = (byte) pixel;
            }
        }
        return new Frame(image.getWidth(), image.getHeight(), rgb);
    }

    private static BufferedImage read(Path jpeg) {
        try {
            BufferedImage image = ImageIO.read(jpeg.toFile());
            assertThat(image).as("%s is an image", jpeg).isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
