package dev.reelforge.local.mediaconvert;

import static dev.reelforge.local.mediaconvert.LocalMediaConvert.OUTPUT_BUCKET;
import static dev.reelforge.local.mediaconvert.LocalMediaConvert.timeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.mediaconvert.MediaConvertRenditionEncoder;
import dev.reelforge.aws.mediaconvert.MediaConvertSettings;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.ingest.RenditionEncoder.RenditionJob;
import dev.reelforge.core.ingest.RenditionEncoder.RenditionOutput;
import dev.reelforge.core.ingest.RenditionEncoder.SourceMedia;
import dev.reelforge.core.ingest.RenditionSpec;
import dev.reelforge.core.ingest.RenditionsReader;
import dev.reelforge.core.ingest.RenditionsReading;
import dev.reelforge.core.json.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mediaconvert.model.BadRequestException;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest;
import software.amazon.awssdk.services.mediaconvert.model.Input;
import software.amazon.awssdk.services.mediaconvert.model.JobSettings;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroup;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupSettings;

/**
 * An ingested source's renditions, end to end below the API: read from the request's JSON by RenditionsReader, one
 * job started by MediaConvertRenditionEncoder through the real SDK client against the local MediaConvert, run with
 * the bundled ffmpeg against S3Proxy; each file read back with ffmpeg (size, rate, duration, streams, keyframes).
 */
class MediaConvertRenditionsIT {

    private static final String ROLE = "arn:aws:iam::000000000000:role/MediaConvertRole";
    private static final double SECONDS = 4;
    private static final SourceMedia SOURCE_MEDIA = new SourceMedia(true, true, 1920, 1080, SECONDS, 25);
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d{2}):(\\d{2}\\.\\d+)");
    private static final Pattern SHOWN_FRAME = Pattern.compile("n:\\s*(\\d+) .*? iskey:(\\d)");

    private static LocalMediaConvert local;
    private static MediaConvertRenditionEncoder encoder;
    private static String source;

    @BeforeAll
    static void start() {
        local = LocalMediaConvert.start();
        encoder = new MediaConvertRenditionEncoder(local.mediaConvert, new MediaConvertSettings(ROLE, Optional.empty(),
                LocalMediaConvert.WATERMARK, new Size(LocalMediaConvert.WATERMARK_WIDTH,
                LocalMediaConvert.WATERMARK_HEIGHT)), Clock.systemUTC());
        source = local.uploadIntermediate("ingest/source-1080p.mp4", 1920, 1080, SECONDS, true);
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    private static List<RenditionSpec> read(String renditions) {
        RenditionsReading reading = new RenditionsReader().read(Json.parseTrusted(renditions));
        assertThat(reading).isInstanceOf(RenditionsReading.Read.class);
        return ((RenditionsReading.Read) reading).renditions();
    }

    private static String destination(String sourceId, String renditionId) {
        return "s3://" + OUTPUT_BUCKET + "/ingest/owner-1/" + sourceId + "/" + renditionId;
    }

    private static double duration(String description) {
        Matcher matcher = DURATION.matcher(description);
        assertThat(matcher.find()).as(description).isTrue();
        return Integer.parseInt(matcher.group(1)) * 3600 + Integer.parseInt(matcher.group(2)) * 60
                + Double.parseDouble(matcher.group(3));
    }

    /** The numbers of the frames that are keyframes, as ffmpeg's showinfo filter reports each decoded frame. */
    private static List<Integer> keyframes(Path file) {
        String shown = local.ffmpeg(List.of("-i", "file:" + file.toAbsolutePath(), "-map", "0:v:0", "-vf", "showinfo",
                "-f", "null", "-"));
        List<Integer> keyframes = new ArrayList<>();
        Matcher matcher = SHOWN_FRAME.matcher(shown);
        int frames = 0;
        while (matcher.find()) {
            frames++;
            if (matcher.group(2).equals("1")) {
                keyframes.add(Integer.parseInt(matcher.group(1)));
            }
        }
        assertThat(frames).as(shown).isGreaterThan(0);
        return keyframes;
    }

    @Test
    void oneJobMakesThreeRenditionsAsAskedAndItsCompleteEventDescribesThem() {
        String sourceId = UUID.randomUUID().toString();
        List<RenditionSpec> specs = read("""
                [{"format": "mp4", "resolution": "mobile", "fps": 24},
                 {"format": "webm", "size": {"width": 720, "height": 720}, "fit": "contain"},
                 {"format": "mov", "resolution": "fhd", "keyframeInterval": 10}]""");
        assertThat(new RenditionsReader().checkAgainst(specs, SOURCE_MEDIA)).isEmpty();
        List<RenditionOutput> outputs = List.of(new RenditionOutput("r360", specs.get(0), destination(sourceId, "r360")),
                new RenditionOutput("r720", specs.get(1), destination(sourceId, "r720")),
                new RenditionOutput("r1080", specs.get(2), destination(sourceId, "r1080")));
        RenditionJob job = new RenditionJob(sourceId, "owner-1", source, SOURCE_MEDIA, outputs);

        String jobId = encoder.start(job);
        assertThat(encoder.start(job)).as("a repeated start is the same job").isEqualTo(jobId);
        JsonNode complete = local.events.await(jobId, "COMPLETE", timeout());

        for (JsonNode event : local.events.of(jobId)) {
            JsonNode metadata = event.path("detail").path("userMetadata");
            assertThat(metadata.path("application").asText()).isEqualTo("reelforge");
            assertThat(metadata.path("kind").asText()).isEqualTo("ingest");
            assertThat(metadata.path("sourceId").asText()).isEqualTo(sourceId);
            assertThat(metadata.path("owner").asText()).isEqualTo("owner-1");
            assertThat(metadata.has("renderId")).isFalse();
        }
        JsonNode groups = complete.path("detail").path("outputGroupDetails");
        assertThat(groups).hasSize(3);
        int[][] sizes = {{640, 360}, {720, 720}, {1920, 1080}};
        for (int i = 0; i < 3; i++) {
            JsonNode detail = groups.path(i).path("outputDetails").path(0);
            assertThat(groups.path(i).path("type").asText()).isEqualTo("FILE_GROUP");
            assertThat(detail.path("outputFilePaths").path(0).asText())
                    .isEqualTo(MediaConvertRenditionEncoder.fileOf(outputs.get(i)));
            assertThat(detail.path("durationInMs").asLong()).isBetween(3950L, 4050L);
            assertThat(detail.path("videoDetails").path("widthInPx").asInt()).isEqualTo(sizes[i][0]);
            assertThat(detail.path("videoDetails").path("heightInPx").asInt()).isEqualTo(sizes[i][1]);
        }

        // 360: H.264 and AAC in MP4, 640x360, 24 fps, 4 s to within a frame
        Path mp4 = local.download(MediaConvertRenditionEncoder.fileOf(outputs.get(0)));
        String mp4Description = local.describe(mp4);
        assertThat(mp4Description).contains("Input #0, mov,mp4", "Video: h264", "640x360", "24 fps", "Audio: aac",
                "48000 Hz", "stereo");
        assertThat(duration(mp4Description)).isCloseTo(SECONDS, offset(1 / 24.0));

        // 720x720 contain: VP9 and Opus in WebM, the 16:9 picture letterboxed (black above and below it)
        Path webm = local.download(MediaConvertRenditionEncoder.fileOf(outputs.get(1)));
        String webmDescription = local.describe(webm);
        assertThat(webmDescription).contains("Input #0, matroska,webm", "Video: vp9", "720x720", "25 fps",
                "Audio: opus", "48000 Hz");
        assertThat(duration(webmDescription)).isCloseTo(SECONDS, offset(1 / 25.0));
        BufferedImage square = local.frameAt(webm, 1);
        assertThat(meanBrightness(square, 0, 0, 720, 150)).as("the bar above").isLessThan(3);
        assertThat(meanBrightness(square, 0, 570, 720, 150)).as("the bar below").isLessThan(3);
        assertThat(meanBrightness(square, 0, 200, 720, 320)).as("the picture").isGreaterThan(20);

        // 1080: H.264 and AAC in MOV at the source's size and rate, a keyframe every 10 frames
        Path mov = local.download(MediaConvertRenditionEncoder.fileOf(outputs.get(2)));
        String movDescription = local.describe(mov);
        assertThat(movDescription).contains("Input #0, mov,mp4", "major_brand     : qt", "Video: h264", "1920x1080",
                "25 fps", "Audio: aac");
        assertThat(duration(movDescription)).isCloseTo(SECONDS, offset(1 / 25.0));
        assertThat(keyframes(mov)).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
        assertThat(keyframes(mp4)).as("without keyframeInterval the encoder chooses").hasSizeLessThan(5);
    }

    @Test
    void audioRenditionsOfAVideoWithSoundAreMp3AndWav() {
        String sourceId = UUID.randomUUID().toString();
        List<RenditionSpec> specs = read("[{\"format\": \"mp3\"}, {\"format\": \"wav\"}]");
        List<RenditionOutput> outputs = List.of(new RenditionOutput("a", specs.get(0), destination(sourceId, "a")),
                new RenditionOutput("b", specs.get(1), destination(sourceId, "b")));
        String jobId = encoder.start(new RenditionJob(sourceId, "owner-1", source, SOURCE_MEDIA, outputs));
        JsonNode complete = local.events.await(jobId, "COMPLETE", timeout());

        assertThat(complete.path("detail").path("outputGroupDetails").path(1).path("outputDetails").path(0)
                .has("videoDetails")).isFalse();
        String mp3 = local.describe(local.download(MediaConvertRenditionEncoder.fileOf(outputs.get(0))));
        assertThat(mp3).contains("Input #0, mp3", "Audio: mp3", "48000 Hz", "stereo").doesNotContain("Video:");
        String wav = local.describe(local.download(MediaConvertRenditionEncoder.fileOf(outputs.get(1))));
        assertThat(wav).contains("Input #0, wav", "Audio: pcm_s16le", "48000 Hz", "stereo");
        assertThat(duration(wav)).isCloseTo(SECONDS, offset(0.05));
    }

    @Test
    void theEmulatorRefusesACodecMediaConvertDoesNotPutInAContainerWith400() {
        assertThatThrownBy(() -> local.mediaConvert.createJob(
                CreateJobRequest.builder()
                        .role(ROLE)
                        .settings(JobSettings.builder()
                                .inputs(Input.builder()
                                        .fileInput(source).build())
                                .outputGroups(OutputGroup.builder()
                                        .outputGroupSettings(OutputGroupSettings.builder().type("FILE_GROUP_SETTINGS")
                                                .fileGroupSettings(fileGroup -> fileGroup
                                                        .destination("s3://renders/ingest/x")).build())
                                        .outputs(output -> output
                                                .containerSettings(container -> container.container("WEBM"))
                                                .videoDescription(video -> video.codecSettings(codec -> codec
                                                        .codec("H_264").h264Settings(h264 -> h264
                                                                .rateControlMode("QVBR").maxBitrate(1_000_000)))))
                                        .build())
                                .build())
                        .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("/settings/outputGroups/0/outputs/0/videoDescription/codecSettings/codec: "
                        + "a WEBM output needs the VP9 video codec")
                .satisfies(error -> assertThat(((BadRequestException) error).statusCode()).isEqualTo(400));
    }

    /** The mean of red, green and blue over a region, 0 (black) to 255. */
    private static double meanBrightness(BufferedImage image, int x, int y, int width, int height) {
        long total = 0;
        for (int row = y; row < y + height; row++) {
            for (int column = x; column < x + width; column++) {
                int rgb = image.getRGB(column, row);
                total += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
            }
        }
        return total / (3.0 * width * height);
    }
}
