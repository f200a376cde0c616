package dev.reelforge.local.mediaconvert;

import static dev.reelforge.local.mediaconvert.LocalMediaConvert.OUTPUT_BUCKET;
import static dev.reelforge.local.mediaconvert.LocalMediaConvert.difference;
import static dev.reelforge.local.mediaconvert.LocalMediaConvert.image;
import static dev.reelforge.local.mediaconvert.LocalMediaConvert.timeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.mediaconvert.MediaConvertEncoder;
import dev.reelforge.aws.mediaconvert.MediaConvertJobs;
import dev.reelforge.aws.mediaconvert.MediaConvertSettings;
import dev.reelforge.core.Environment;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.pipeline.Encoder;
import dev.reelforge.core.pipeline.Encoder.EncodeRequest;
import dev.reelforge.core.plan.OutputPlan;
import dev.reelforge.core.render.Rendition;
import dev.reelforge.media.NamedPipeIntermediates;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mediaconvert.model.ConflictException;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest;
import software.amazon.awssdk.services.mediaconvert.model.Input;
import software.amazon.awssdk.services.mediaconvert.model.InsertableImage;
import software.amazon.awssdk.services.mediaconvert.model.Job;
import software.amazon.awssdk.services.mediaconvert.model.JobSettings;
import software.amazon.awssdk.services.mediaconvert.model.JobStatus;
import software.amazon.awssdk.services.mediaconvert.model.Order;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroup;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupSettings;

/**
 * MediaConvertEncoder and the local MediaConvert together: jobs started through the real SDK client, run with
 * the bundled ffmpeg against S3Proxy, their outputs read back with ffmpeg.
 */
class MediaConvertEmulatorIT {

    private static final String ROLE = "arn:aws:iam::000000000000:role/MediaConvertRole";
    private static final Size FRAME = new Size(320, 180);
    private static final Fps FPS = new Fps(25, 1);
    private static final double SECONDS = 3;
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d{2}):(\\d{2}\\.\\d+)");

    private static LocalMediaConvert local;
    private static MediaConvertEncoder encoder;
    private static String intermediate;
    private static Path intermediateFile;

    @BeforeAll
    static void start() {
        local = LocalMediaConvert.start();
        encoder = new MediaConvertEncoder(local.mediaConvert, new MediaConvertSettings(ROLE, Optional.empty(),
                LocalMediaConvert.WATERMARK,
                new Size(LocalMediaConvert.WATERMARK_WIDTH, LocalMediaConvert.WATERMARK_HEIGHT)));
        intermediate = local.uploadIntermediate("intermediate/clip.mp4", FRAME.width(), FRAME.height(), SECONDS, true);
        intermediateFile = local.download(intermediate);
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    private static OutputPlan plan(OutputFormat format, Size size, Fps fps, Optional<Double> poster,
            Optional<OutputPlan.ThumbnailPlan> thumbnail) {
        return new OutputPlan(format, size, fps, Quality.MEDIUM, true, false, poster, thumbnail, true, false);
    }

    private static EncodeRequest request(UUID render, Environment environment, String input, OutputPlan plan) {
        return new EncodeRequest(render, "owner-1", environment, input, prefix(render), plan,
                plan.format() != OutputFormat.MP3, true, SECONDS);
    }

    private static String prefix(UUID render) {
        return "s3://" + OUTPUT_BUCKET + "/renders/owner-1/" + render;
    }

    private static double duration(String description) {
        Matcher matcher = DURATION.matcher(description);
        assertThat(matcher.find()).as(description).isTrue();
        return Integer.parseInt(matcher.group(1)) * 3600 + Integer.parseInt(matcher.group(2)) * 60
                + Double.parseDouble(matcher.group(3));
    }

    private static JsonNode outputDetail(JsonNode complete, int group, int output) {
        return complete.path("detail").path("outputGroupDetails").path(group).path("outputDetails").path(output);
    }

    @Test
    void mp4WithSoundPosterAndThumbnail() {
        UUID render = UUID.randomUUID();
        String jobId = encoder.start(request(render, Environment.V1, intermediate, plan(OutputFormat.MP4, FRAME, FPS,
                Optional.of(1.5), Optional.of(new OutputPlan.ThumbnailPlan(0, new Size(160, 90))))));

        JsonNode complete = local.events.await(jobId, "COMPLETE", timeout());

        // the events, as EventBridge delivers them
        List<JsonNode> events = local.events.of(jobId);
        List<String> statuses = local.events.statusesOf(jobId);
        assertThat(statuses.getFirst()).isEqualTo("PROGRESSING");
        assertThat(statuses.getLast()).isEqualTo("COMPLETE");
        List<Integer> percents = events.stream()
                .filter(event -> event.path("detail").path("status").asText().equals("STATUS_UPDATE"))
                .map(event -> event.path("detail").path("jobProgress").path("jobPercentComplete").asInt())
                .toList();
        assertThat(percents).hasSizeGreaterThanOrEqualTo(3).isSorted();
        assertThat(percents.getFirst()).isLessThan(percents.getLast());
        assertThat(events).filteredOn(event -> event.path("detail").path("status").asText().equals("STATUS_UPDATE"))
                .extracting(event -> event.path("detail").path("jobProgress").path("currentPhase").asText())
                .contains("TRANSCODING", "UPLOADING");
        for (JsonNode event : events) {
            assertThat(event.path("version").asText()).isEqualTo("0");
            assertThat(event.path("detail-type").asText()).isEqualTo("MediaConvert Job State Change");
            assertThat(event.path("source").asText()).isEqualTo("aws.mediaconvert");
            assertThat(event.path("account").asText()).isEqualTo("000000000000");
            assertThat(event.path("region").asText()).isEqualTo("us-east-1");
            assertThat(event.path("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(event.path("resources").path(0).asText())
                    .isEqualTo("arn:aws:mediaconvert:us-east-1:000000000000:jobs/" + jobId);
            JsonNode detail = event.path("detail");
            assertThat(detail.path("accountId").asText()).isEqualTo("000000000000");
            assertThat(detail.path("queue").asText()).isEqualTo("arn:aws:mediaconvert:us-east-1:000000000000:queues/Default");
            assertThat(detail.path("timestamp").isIntegralNumber()).isTrue();
            assertThat(detail.path("userMetadata").path("renderId").asText()).isEqualTo(render.toString());
            assertThat(detail.path("userMetadata").path("owner").asText()).isEqualTo("owner-1");
            assertThat(detail.path("userMetadata").path("environment").asText()).isEqualTo("v1");
            assertThat(detail.path("userMetadata").path("application").asText()).isEqualTo("reelforge");
        }

        // the MP4
        JsonNode mp4Detail = outputDetail(complete, 0, 0);
        assertThat(complete.path("detail").path("outputGroupDetails").path(0).path("type").asText()).isEqualTo("FILE_GROUP");
        assertThat(mp4Detail.path("outputFilePaths").path(0).asText()).isEqualTo(prefix(render) + ".mp4");
        assertThat(mp4Detail.path("durationInMs").asLong()).isBetween(2900L, 3100L);
        assertThat(mp4Detail.path("videoDetails").path("widthInPx").asInt()).isEqualTo(320);
        assertThat(mp4Detail.path("videoDetails").path("heightInPx").asInt()).isEqualTo(180);
        String mp4 = local.describe(local.download(prefix(render) + ".mp4"));
        assertThat(mp4).contains("Input #0, mov,mp4", "Video: h264", "320x180", "25 fps", "Audio: aac", "48000 Hz",
                "stereo");
        assertThat(duration(mp4)).isBetween(2.9, 3.1);

        // the poster: the second capture, the frame on screen at 1.5 s (1.48 s at 25 fps), not the first
        JsonNode posterDetail = outputDetail(complete, 1, 0);
        String poster = MediaConvertEncoder.posterLocation(prefix(render), 1.5, FPS);
        assertThat(poster).isEqualTo(prefix(render) + "-poster.0000001.jpg");
        assertThat(posterDetail.path("outputFilePaths").path(0).asText()).isEqualTo(poster);
        assertThat(posterDetail.path("videoDetails").path("widthInPx").asInt()).isEqualTo(320);
        BufferedImage posterImage = image(local.download(poster));
        BufferedImage firstCapture = image(local.download(prefix(render) + "-poster.0000000.jpg"));
        assertThat(posterImage.getWidth()).isEqualTo(320);
        assertThat(posterImage.getHeight()).isEqualTo(180);
        BufferedImage atPoster = local.frameAt(intermediateFile, 1.48);
        BufferedImage atStart = local.frameAt(intermediateFile, 0);
        assertThat(difference(posterImage, atPoster, 0, 0, 320, 180)).isLessThan(6);
        assertThat(difference(posterImage, atStart, 0, 0, 320, 180)).isGreaterThan(15);
        assertThat(difference(firstCapture, atStart, 0, 0, 320, 180)).isLessThan(6);

        // the thumbnail: at 0 s, one capture, scaled
        String thumbnail = MediaConvertEncoder.thumbnailLocation(prefix(render), 0, FPS);
        assertThat(outputDetail(complete, 1, 1).path("outputFilePaths").path(0).asText()).isEqualTo(thumbnail);
        BufferedImage thumbnailImage = image(local.download(thumbnail));
        assertThat(thumbnailImage.getWidth()).isEqualTo(160);
        assertThat(thumbnailImage.getHeight()).isEqualTo(90);
        assertThat(local.exists(OUTPUT_BUCKET, "renders/owner-1/" + render + "-thumb.0000001.jpg")).isFalse();

        // GetJob agrees
        Job job = local.mediaConvert.getJob(get -> get.id(jobId)).job();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(job.outputGroupDetails()).hasSize(2);
        assertThat(job.outputGroupDetails().getFirst().outputDetails().getFirst().durationInMs()).isBetween(2900, 3100);
        assertThat(job.timing().finishTime()).isNotNull();
        assertThat(job.userMetadata()).containsEntry("renderId", render.toString());
    }

    @Test
    void oneJobWritesEachRenditionAndItsCaptureAtItsOwnSize() {
        UUID render = UUID.randomUUID();
        List<Rendition> renditions = List.of(new Rendition("small", new Size(160, 90)),
                new Rendition("tiny", new Size(96, 54)));
        EncodeRequest request = new EncodeRequest(render, "owner-1", Environment.V1, intermediate, prefix(render),
                plan(OutputFormat.MP4, FRAME, FPS, Optional.empty(), Optional.of(new OutputPlan.ThumbnailPlan(1.5,
                        new Size(80, 45)))), true, true, SECONDS, renditions);
        Encoder.WrittenFiles written = encoder.outputsOf(request);
        String jobId = encoder.start(request);

        JsonNode complete = local.events.await(jobId, "COMPLETE", timeout());

        for (int i = 0; i < renditions.size(); i++) {
            Size size = renditions.get(i).size();
            JsonNode file = outputDetail(complete, 1, i);
            assertThat(file.path("outputFilePaths").path(0).asText()).isEqualTo(written.renditions().get(i).file());
            assertThat(file.path("videoDetails").path("widthInPx").asInt()).isEqualTo(size.width());
            assertThat(file.path("videoDetails").path("heightInPx").asInt()).isEqualTo(size.height());
            String mp4 = local.describe(local.download(written.renditions().get(i).file()));
            assertThat(mp4).contains("Video: h264", size.width() + "x" + size.height(), "25 fps", "Audio: aac");
            assertThat(duration(mp4)).isBetween(2.9, 3.1);

            JsonNode capture = outputDetail(complete, 2, i + 1);
            assertThat(capture.path("outputFilePaths").path(0).asText()).isEqualTo(written.renditions().get(i).capture())
                    .endsWith("-" + renditions.get(i).name() + "-thumb.0000001.jpg");
            BufferedImage image = image(local.download(written.renditions().get(i).capture()));
            assertThat(image.getWidth()).isEqualTo(size.width());
            assertThat(image.getHeight()).isEqualTo(size.height());
        }
        assertThat(outputDetail(complete, 0, 0).path("outputFilePaths").path(0).asText()).isEqualTo(written.file());
        assertThat(outputDetail(complete, 2, 0).path("outputFilePaths").path(0).asText())
                .isEqualTo(written.thumbnail().orElseThrow());
    }

    @Test
    void gifAtTheOutputSizeAndRate() throws Exception {
        UUID render = UUID.randomUUID();
        String jobId = encoder.start(request(render, Environment.V1, intermediate,
                plan(OutputFormat.GIF, new Size(160, 90), new Fps(10, 1), Optional.empty(), Optional.empty())));

        JsonNode complete = local.events.await(jobId, "COMPLETE", timeout());

        assertThat(outputDetail(complete, 0, 0).path("outputFilePaths").path(0).asText()).isEqualTo(prefix(render) + ".gif");
        Path gif = local.download(prefix(render) + ".gif");
        String description = local.describe(gif);
        assertThat(description).contains("Input #0, gif", "Video: gif", "160x90", "10 fps").doesNotContain("Audio:");
        // ffmpeg writes the loop-forever extension: MediaConvert's GifSettings cannot ask otherwise
        assertThat(new String(Files.readAllBytes(gif), StandardCharsets.ISO_8859_1)).contains("NETSCAPE2.0");
    }

    @Test
    void mp3IsSoundOnly() {
        UUID render = UUID.randomUUID();
        String jobId = encoder.start(request(render, Environment.V1, intermediate,
                plan(OutputFormat.MP3, FRAME, FPS, Optional.empty(), Optional.empty())));

        JsonNode complete = local.events.await(jobId, "COMPLETE", timeout());

        JsonNode detail = outputDetail(complete, 0, 0);
        assertThat(detail.path("outputFilePaths").path(0).asText()).isEqualTo(prefix(render) + ".mp3");
        assertThat(detail.has("videoDetails")).isFalse();
        assertThat(detail.path("durationInMs").asLong()).isBetween(2900L, 3200L);
        String description = local.describe(local.download(prefix(render) + ".mp3"));
        assertThat(description).contains("Input #0, mp3", "Audio: mp3", "48000 Hz", "stereo").doesNotContain("Video:");
        assertThat(duration(description)).isBetween(2.9, 3.2);
    }

    @Test
    void stageOutputsCarryTheWatermarkInTheBottomRightCorner() {
        UUID stage = UUID.randomUUID();
        UUID production = UUID.randomUUID();
        OutputPlan plan = plan(OutputFormat.MP4, FRAME, FPS, Optional.of(1.0), Optional.empty());
        String stageJob = encoder.start(request(stage, Environment.STAGE, intermediate, plan));
        String productionJob = encoder.start(request(production, Environment.V1, intermediate, plan));
        local.events.await(stageJob, "COMPLETE", timeout());
        local.events.await(productionJob, "COMPLETE", timeout());

        // 20% of 320 wide, 200x50's aspect, 2% of the width from the right and bottom edges
        int x = 320 - 64 - 6;
        int y = 180 - 16 - 6;
        BufferedImage stagePoster = image(local.download(MediaConvertEncoder.posterLocation(prefix(stage), 1.0, FPS)));
        BufferedImage productionPoster =
                image(local.download(MediaConvertEncoder.posterLocation(prefix(production), 1.0, FPS)));
        assertThat(difference(stagePoster, productionPoster, x + 2, y + 2, 60, 12)).isGreaterThan(15);
        assertThat(difference(stagePoster, productionPoster, 0, 0, 200, 120)).isLessThan(3);

        BufferedImage stageFrame = local.frameAt(local.download(prefix(stage) + ".mp4"), 1.0);
        BufferedImage productionFrame = local.frameAt(local.download(prefix(production) + ".mp4"), 1.0);
        assertThat(difference(stageFrame, productionFrame, x + 2, y + 2, 60, 12)).isGreaterThan(15);
        assertThat(difference(stageFrame, productionFrame, 0, 0, 200, 120)).isLessThan(3);
        // drawn at half opacity: red shows, but so does the picture underneath
        int pixel = stageFrame.getRGB(x + 32, y + 8);
        int red = (pixel >> 16) & 0xff;
        assertThat(red).isGreaterThan(100);
    }

    @Test
    void startingTheSameRenderAgainReturnsTheSameJob() {
        UUID render = UUID.randomUUID();
        EncodeRequest request = request(render, Environment.V1, intermediate,
                plan(OutputFormat.MP4, FRAME, FPS, Optional.empty(), Optional.empty()));

        String first = encoder.start(request);
        String second = encoder.start(request);
        local.events.await(first, "COMPLETE", timeout());
        String third = encoder.start(request);

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        List<Job> jobs = local.mediaConvert.listJobsPaginator(list -> list.order(Order.DESCENDING)).jobs().stream()
                .filter(job -> render.toString().equals(job.userMetadata().get("renderId")))
                .toList();
        assertThat(jobs).extracting(Job::id).containsExactly(first);
        assertThat(local.events.statusesOf(first)).containsOnlyOnce("PROGRESSING", "COMPLETE");
    }

    @Test
    void getJobFollowsTheJobFromSubmittedToComplete() {
        // a job ahead in the queue keeps the one watched SUBMITTED for a while
        String ahead = encoder.start(request(UUID.randomUUID(), Environment.V1, intermediate,
                plan(OutputFormat.MP4, new Size(1280, 720), FPS, Optional.empty(), Optional.empty())));
        String watched = encoder.start(request(UUID.randomUUID(), Environment.V1, intermediate,
                plan(OutputFormat.MP4, new Size(640, 360), FPS, Optional.of(2.0), Optional.empty())));

        List<JobStatus> statuses = new ArrayList<>();
        List<Integer> percents = new ArrayList<>();
        long deadline = System.nanoTime() + timeout().toNanos();
        Job job;
        do {
            job = local.mediaConvert.getJob(get -> get.id(watched)).job();
            if (statuses.isEmpty() || statuses.getLast() != job.status()) {
                statuses.add(job.status());
            }
            if (job.status() == JobStatus.PROGRESSING && job.jobPercentComplete() != null) {
                percents.add(job.jobPercentComplete());
            }
            sleep(Duration.ofMillis(5));
        } while (job.status() != JobStatus.COMPLETE && job.status() != JobStatus.ERROR && System.nanoTime() < deadline);

        assertThat(statuses).containsExactly(JobStatus.SUBMITTED, JobStatus.PROGRESSING, JobStatus.COMPLETE);
        assertThat(percents).isNotEmpty().isSorted();
        assertThat(job.timing().submitTime()).isBeforeOrEqualTo(job.timing().startTime());
        assertThat(job.timing().startTime()).isBeforeOrEqualTo(job.timing().finishTime());
        assertThat(job.arn()).isEqualTo("arn:aws:mediaconvert:us-east-1:000000000000:jobs/" + watched);
        assertThat(job.role()).isEqualTo(ROLE);
        assertThat(job.settings().outputGroups()).hasSize(2);
        assertThat(local.events.statusesOf(ahead)).contains("COMPLETE");
    }

    @Test
    void cancelingEndsAQueuedOrRunningJobWithACanceledEventAndAFinishedJobIsAConflict() {
        // long enough to cancel while it runs: large frames, a GIF's palette pass
        String running = encoder.start(request(UUID.randomUUID(), Environment.STAGE, intermediate,
                plan(OutputFormat.GIF, new Size(1920, 1080), FPS, Optional.of(2.5), Optional.empty())));
        String queued = encoder.start(request(UUID.randomUUID(), Environment.V1, intermediate,
                plan(OutputFormat.MP4, FRAME, FPS, Optional.empty(), Optional.empty())));
        local.events.await(running, "PROGRESSING", timeout());

        local.mediaConvert.cancelJob(cancel -> cancel.id(queued));
        local.mediaConvert.cancelJob(cancel -> cancel.id(running));

        local.events.await(queued, "CANCELED", timeout());
        local.events.await(running, "CANCELED", timeout());
        assertThat(local.events.statusesOf(queued)).containsExactly("CANCELED");
        assertThat(local.mediaConvert.getJob(get -> get.id(running)).job().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(local.mediaConvert.getJob(get -> get.id(queued)).job().status()).isEqualTo(JobStatus.CANCELED);
        // canceling a finished job is refused and changes nothing; the pipeline's jobs take that as done
        assertThatThrownBy(() -> local.mediaConvert.cancelJob(cancel -> cancel.id(running)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        MediaConvertJobs jobs = new MediaConvertJobs(local.mediaConvert);
        jobs.cancel(running);
        jobs.cancel("1700000000000-nosuch");

        // the worker goes on with the next job, and nothing more comes of the canceled ones
        String next = encoder.start(request(UUID.randomUUID(), Environment.V1, intermediate,
                plan(OutputFormat.MP3, FRAME, FPS, Optional.empty(), Optional.empty())));
        local.events.await(next, "COMPLETE", timeout());
        assertThat(local.events.statusesOf(running)).last().isEqualTo("CANCELED");
        assertThat(local.events.statusesOf(running)).doesNotContain("COMPLETE", "ERROR");
        assertThat(local.events.statusesOf(queued)).containsExactly("CANCELED");
        assertThat(local.s3.listObjectsV2(list -> list.bucket(OUTPUT_BUCKET).prefix("renders/owner-1/"))
                .contents()).as("outputs of the canceled jobs")
                .noneMatch(object -> object.key().contains(jobRender(running)) || object.key().contains(jobRender(queued)));
    }

    private static String jobRender(String jobId) {
        return local.mediaConvert.getJob(get -> get.id(jobId)).job().userMetadata().get("renderId");
    }

    @Test
    void aMissingInputEndsTheJobInError() {
        UUID render = UUID.randomUUID();
        String missing = "s3://" + LocalMediaConvert.WORK_BUCKET + "/intermediate/" + render + ".mp4";
        String jobId = encoder.start(request(render, Environment.V1, missing,
                plan(OutputFormat.MP4, FRAME, FPS, Optional.empty(), Optional.empty())));

        JsonNode error = local.events.await(jobId, "ERROR", timeout());

        assertThat(error.path("detail").path("errorCode").asInt()).isEqualTo(1404);
        assertThat(error.path("detail").path("errorMessage").asText()).contains(missing, "does not exist");
        assertThat(error.path("detail").path("userMetadata").path("renderId").asText()).isEqualTo(render.toString());
        Job job = local.mediaConvert.getJob(get -> get.id(jobId)).job();
        assertThat(job.status()).isEqualTo(JobStatus.ERROR);
        assertThat(job.errorCode()).isEqualTo(1404);
        assertThat(job.errorMessage()).contains(missing);
    }

    @Test
    void anOutputBucketThatDoesNotExistEndsTheJobInErrorNamingIt() {
        UUID render = UUID.randomUUID();
        OutputPlan mp4 = plan(OutputFormat.MP4, FRAME, FPS, Optional.empty(), Optional.empty());
        String jobId = encoder.start(new EncodeRequest(render, "owner-1", Environment.V1, intermediate,
                "s3://no-such-bucket/renders/owner-1/" + render, mp4, true, true, SECONDS));

        JsonNode error = local.events.await(jobId, "ERROR", timeout());

        assertThat(error.path("detail").path("errorCode").asInt()).isEqualTo(1404);
        assertThat(error.path("detail").path("errorMessage").asText())
                .contains("s3://no-such-bucket/renders/owner-1/" + render, "the bucket does not exist");
        assertThat(local.events.statusesOf(jobId)).doesNotContain("COMPLETE");
    }

    @Test
    void severalInputsAreJoinedInOrderIntoOneTimelineThatCapturesReadToo() {
        UUID render = UUID.randomUUID();
        String first = local.uploadIntermediate("intermediate/" + render + "-0.mp4", FRAME.width(), FRAME.height(), 2,
                true);
        String second = local.uploadIntermediate("intermediate/" + render + "-1.mp4", FRAME.width(), FRAME.height(),
                3, true);
        String[] started = new String[1];
        JsonNode[] completed = new JsonNode[1];

        String log = LocalMediaConvert.standardErrorWhile(() -> {
            started[0] = encoder.start(new EncodeRequest(render, "owner-1", Environment.V1, List.of(first, second),
                    prefix(render), plan(OutputFormat.MP4, FRAME, FPS, Optional.of(3.0), Optional.empty()), true, true,
                    5, List.of()));
            completed[0] = local.events.await(started[0], "COMPLETE", timeout());
        });

        String jobId = started[0];
        JsonNode complete = completed[0];
        // AAC sound is not copied (its priming would land mid-timeline): these inputs take the lossless join
        assertThat(log).contains("[mediaconvert] " + jobId + " joined its 2 inputs losslessly (concat filter)",
                "the sound is aac");
        assertThat(local.events.statusesOf(jobId)).startsWith("PROGRESSING").endsWith("COMPLETE");
        assertThat(outputDetail(complete, 0, 0).path("durationInMs").asLong()).isBetween(4950L, 5100L);
        assertThat(outputDetail(complete, 0, 0).path("videoDetails").path("widthInPx").asInt()).isEqualTo(320);
        Path mp4 = local.download(prefix(render) + ".mp4");
        String description = local.describe(mp4);
        assertThat(duration(description)).isBetween(4.95, 5.1);
        assertThat(description).contains("Video: h264", "320x180", "Audio: aac", "48000 Hz");
        assertThat(description.split("Stream #0:", -1)).hasSize(3);
        // 3 s into the joined timeline is 1 s into the second input; the other way round it would be the start of
        // the 2-s input, and the first input alone has no frame at 3 s
        BufferedImage secondAtOne = local.frameAt(local.download(second), 1.0);
        BufferedImage poster = image(local.download(MediaConvertEncoder.posterLocation(prefix(render), 3.0, FPS)));
        BufferedImage firstAtZero = local.frameAt(local.download(first), 0.0);
        assertThat(difference(poster, secondAtOne, 0, 0, 320, 180)).isLessThan(6);
        assertThat(difference(poster, firstAtZero, 0, 0, 320, 180)).isGreaterThan(15);
        BufferedImage joinedAtThree = local.frameAt(mp4, 3.0);
        assertThat(difference(joinedAtThree, secondAtOne, 0, 0, 320, 180)).isLessThan(4);
    }

    @Test
    void chunksAlikeAreJoinedByStreamCopyIntoOneTimelineWithoutAGapAtTheJoin() {
        UUID render = UUID.randomUUID();
        // a quote and a space in the names: the concat list quotes the paths of the job's working files
        String first = local.uploadChunk("intermediate/" + render + "/it's chunk-0.mov", FRAME.width(),
                FRAME.height(), 2);
        String second = local.uploadChunk("intermediate/" + render + "/it's chunk-1.mov", FRAME.width(),
                FRAME.height(), 3);
        String[] jobId = new String[1];

        String log = LocalMediaConvert.standardErrorWhile(() -> {
            jobId[0] = encoder.start(new EncodeRequest(render, "owner-1", Environment.V1, List.of(first, second),
                    prefix(render), plan(OutputFormat.MP4, FRAME, FPS, Optional.empty(), Optional.empty()), true,
                    true, 5, List.of()));
            local.events.await(jobId[0], "COMPLETE", timeout());
        });

        assertThat(log).contains("[mediaconvert] " + jobId[0] + " joined its 2 inputs by stream copy");
        Path mp4 = local.download(prefix(render) + ".mp4");
        String description = local.describe(mp4);
        assertThat(description).contains("Video: h264", "320x180", "25 fps", "Audio: aac", "48000 Hz");
        assertThat(duration(description)).isCloseTo(5.0, within(0.04));
        assertThat(frames(mp4)).isEqualTo(125);
        // the tone runs on through the join at 2 s: no silence before the end (where AAC's padding is), and as loud
        // there as elsewhere
        assertThat(local.ffmpeg(List.of("-t", "4.9", "-i", "file:" + mp4, "-map", "0:a", "-af",
                "silencedetect=noise=-30dB:duration=0.005", "-f", "null", "-"))).doesNotContain("silence_start");
        assertThat(meanVolume(mp4, 1.9, 0.2)).isCloseTo(meanVolume(mp4, 0.9, 0.2), within(0.2));
        assertThat(meanVolume(mp4, 1.95, 0.1)).isCloseTo(meanVolume(mp4, 3.5, 0.1), within(0.2));
        // the second chunk's pictures follow the first's: 3 s into the timeline is 1 s into the second chunk
        BufferedImage secondAtOne = local.frameAt(local.download(second), 1.0);
        assertThat(difference(local.frameAt(mp4, 3.0), secondAtOne, 0, 0, 320, 180)).isLessThan(4);
    }

    @Test
    void chunksAt2997FpsWithSoundCutOnTheSampleGridAreJoinedByStreamCopyFrameForFrame() {
        UUID render = UUID.randomUUID();
        // 62 frames are 99,299.2 samples and 125 frames 200,200: the first chunk's sound is a fifth of a sample short
        String first = local.uploadChunk("intermediate/" + render + "-0.mov", FRAME.width(), FRAME.height(),
                "30000/1001", 62, 99_299);
        String second = local.uploadChunk("intermediate/" + render + "-1.mov", FRAME.width(), FRAME.height(),
                "30000/1001", 63, 100_901);
        Fps ntsc = new Fps(30000, 1001);
        String[] jobId = new String[1];

        String log = LocalMediaConvert.standardErrorWhile(() -> {
            jobId[0] = encoder.start(new EncodeRequest(render, "owner-1", Environment.V1, List.of(first, second),
                    prefix(render), plan(OutputFormat.MP4, FRAME, ntsc, Optional.empty(), Optional.empty()), true,
                    true, 125 * 1001 / 30000.0, List.of()));
            local.events.await(jobId[0], "COMPLETE", timeout());
        });

        // the MOV's own duration is rounded to the millisecond; the join starts the second chunk at its first frame's
        // exact time, and checks every frame's timestamp, else it would have taken the lossless path
        assertThat(log).contains("[mediaconvert] " + jobId[0] + " joined its 2 inputs by stream copy");
        Path mp4 = local.download(prefix(render) + ".mp4");
        assertThat(frames(mp4)).isEqualTo(125);
        assertThat(duration(local.describe(mp4))).isCloseTo(125 * 1001 / 30000.0, within(0.034));
        // the second chunk's first frame is the 63rd of the timeline (a frame early or late would show another one)
        BufferedImage secondAtStart = local.frameAt(local.download(second), 0.0);
        assertThat(difference(local.frameAt(mp4, 62 * 1001 / 30000.0 - 0.0002), secondAtStart, 0, 0, 320, 180))
                .isLessThan(4);
    }

    /** The frames of a file's video stream, counted by ffmpeg copying them. */
    private static long frames(Path file) {
        Matcher matcher = Pattern.compile("frame=\\s*(\\d+)").matcher(local.ffmpeg(List.of("-i", "file:" + file,
                "-map", "0:v", "-c", "copy", "-f", "null", "-")));
        long frames = -1;
        while (matcher.find()) {
            frames = Long.parseLong(matcher.group(1));
        }
        return frames;
    }

    /** The mean volume, in dB, of {@code seconds} of a file's sound from {@code start}, by ffmpeg's volumedetect. */
    private static double meanVolume(Path file, double start, double seconds) {
        Matcher matcher = Pattern.compile("mean_volume: (-?[\\d.]+) dB").matcher(local.ffmpeg(List.of(
                "-ss", String.valueOf(start), "-t", String.valueOf(seconds), "-i", "file:" + file, "-map", "0:a",
                "-af", "volumedetect", "-f", "null", "-")));
        assertThat(matcher.find()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void anInputsOwnOverlayIsDrawnOnItsOwnPartOfTheJoinedTimelineOnly() {
        UUID render = UUID.randomUUID();
        String first = local.uploadIntermediate("intermediate/" + render + "-0.mp4", FRAME.width(), FRAME.height(), 2,
                false);
        String second = local.uploadIntermediate("intermediate/" + render + "-1.mp4", FRAME.width(), FRAME.height(),
                2, false);
        CreateJobRequest create = CreateJobRequest.builder()
                .role(ROLE)
                .settings(JobSettings.builder()
                        .inputs(Input.builder().fileInput(first).build(), Input.builder().fileInput(second)
                                .imageInserter(inserter -> inserter.insertableImages(InsertableImage.builder()
                                        .imageInserterInput(LocalMediaConvert.WATERMARK).imageX(10).imageY(10)
                                        .opacity(100).build()))
                                .build())
                        .outputGroups(OutputGroup.builder()
                                .outputGroupSettings(OutputGroupSettings.builder().type("FILE_GROUP_SETTINGS")
                                        .fileGroupSettings(fileGroup -> fileGroup.destination(prefix(render))).build())
                                .outputs(output -> output
                                        .containerSettings(container -> container.container("MP4"))
                                        .videoDescription(video -> video.codecSettings(codec -> codec.codec("H_264")
                                                .h264Settings(h264 -> h264.rateControlMode("QVBR")
                                                        .maxBitrate(1_000_000)))))
                                .build())
                        .build())
                .build();
        String[] started = new String[1];

        String log = LocalMediaConvert.standardErrorWhile(() -> {
            started[0] = local.mediaConvert.createJob(create).job().id();
            local.events.await(started[0], "COMPLETE", timeout());
        });

        String jobId = started[0];
        // two inputs alike, but one has its own overlay: only the concat filter draws it on its part
        assertThat(log).contains("[mediaconvert] " + jobId + " joined its 2 inputs losslessly (concat filter)",
                "an input has an image inserter");

        Path mp4 = local.download(prefix(render) + ".mp4");
        assertThat(duration(local.describe(mp4))).isBetween(3.95, 4.1);
        BufferedImage firstPart = local.frameAt(mp4, 1.0);
        BufferedImage secondPart = local.frameAt(mp4, 3.0);
        BufferedImage plain = local.frameAt(local.download(second), 1.0);
        int red = (secondPart.getRGB(110, 35) >> 16) & 0xff;
        int green = (secondPart.getRGB(110, 35) >> 8) & 0xff;
        assertThat(red).isGreaterThan(200);
        assertThat(green).isLessThan(60);
        assertThat(difference(secondPart, plain, 10, 80, 300, 90)).isLessThan(4);
        assertThat(difference(firstPart, plain, 10, 10, 200, 50)).isLessThan(4);
    }

    @Test
    void aLaterInputOfAnotherSizeIsFittedIntoTheFirstInputsFrame() {
        UUID render = UUID.randomUUID();
        String first = local.uploadIntermediate("intermediate/" + render + "-0.mp4", FRAME.width(), FRAME.height(), 1,
                true);
        String square = local.uploadIntermediate("intermediate/" + render + "-1.mp4", 180, 180, 1, true);
        String jobId = encoder.start(new EncodeRequest(render, "owner-1", Environment.V1, List.of(first, square),
                prefix(render), plan(OutputFormat.MP4, FRAME, FPS, Optional.empty(), Optional.empty()), true, true,
                2, List.of()));

        local.events.await(jobId, "COMPLETE", timeout());

        Path mp4 = local.download(prefix(render) + ".mp4");
        String description = local.describe(mp4);
        assertThat(description).contains("320x180");
        assertThat(duration(description)).isBetween(1.95, 2.1);
        // the square picture in the middle, black bars (fit and pad) left and right of it
        BufferedImage frame = local.frameAt(mp4, 1.5);
        BufferedImage squareFrame = local.frameAt(local.download(square), 0.5);
        assertThat(difference(frame, blank(320, 180), 0, 0, 60, 180)).isLessThan(6);
        assertThat(difference(frame, blank(320, 180), 260, 0, 60, 180)).isLessThan(6);
        assertThat(difference(frame.getSubimage(70, 0, 180, 180), squareFrame, 0, 0, 180, 180)).isLessThan(8);
    }

    /** A black picture. */
    private static BufferedImage blank(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void aMissingSecondInputEndsTheJobInErrorNamingIt() {
        UUID render = UUID.randomUUID();
        String missing = "s3://" + LocalMediaConvert.WORK_BUCKET + "/intermediate/" + render + "-1.mp4";
        String jobId = encoder.start(new EncodeRequest(render, "owner-1", Environment.V1, List.of(intermediate,
                missing), prefix(render), plan(OutputFormat.MP4, FRAME, FPS, Optional.empty(), Optional.empty()), true,
                true, 6, List.of()));

        JsonNode error = local.events.await(jobId, "ERROR", timeout());

        assertThat(error.path("detail").path("errorCode").asInt()).isEqualTo(1404);
        assertThat(error.path("detail").path("errorMessage").asText()).contains(missing, "does not exist");
        Job job = local.mediaConvert.getJob(get -> get.id(jobId)).job();
        assertThat(job.status()).isEqualTo(JobStatus.ERROR);
        assertThat(job.errorMessage()).contains(missing);
        assertThat(local.exists(OUTPUT_BUCKET, "renders/owner-1/" + render + ".mp4")).isFalse();
    }

    @Test
    void anInputThatIsNotMediaEndsTheJobInError() {
        UUID render = UUID.randomUUID();
        String text = local.uploadText("intermediate/" + render + ".mp4", "this is not a video\n");
        String jobId = encoder.start(request(render, Environment.V1, text,
                plan(OutputFormat.MP4, FRAME, FPS, Optional.of(1.0), Optional.empty())));

        JsonNode error = local.events.await(jobId, "ERROR", timeout());

        assertThat(error.path("detail").path("errorCode").asInt()).isEqualTo(1010);
        assertThat(error.path("detail").path("errorMessage").asText()).contains(text);
        assertThat(local.exists(OUTPUT_BUCKET, "renders/owner-1/" + render + ".mp4")).isFalse();
    }

    @Test
    void aMissingWatermarkEndsAStageJobInError() {
        MediaConvertEncoder noWatermark = new MediaConvertEncoder(local.mediaConvert, new MediaConvertSettings(ROLE,
                Optional.empty(), "s3://assets/assets/missing.png", new Size(200, 50)));
        String jobId = noWatermark.start(request(UUID.randomUUID(), Environment.STAGE, intermediate,
                plan(OutputFormat.MP4, FRAME, FPS, Optional.empty(), Optional.empty())));

        JsonNode error = local.events.await(jobId, "ERROR", timeout());

        assertThat(error.path("detail").path("errorCode").asInt()).isEqualTo(1404);
        assertThat(error.path("detail").path("errorMessage").asText()).contains("s3://assets/assets/missing.png");
    }

    @Test
    void aStreamedInputIsEncodedFromItsPipeAsItsWriterWritesItAndThePipeIsRemovedOnceDone() throws Exception {
        UUID render = UUID.randomUUID();
        String location = "s3://" + LocalMediaConvert.WORK_BUCKET + "/intermediate/" + render + ".nut";
        Path pipe = openPipe(location, SECONDS);
        String jobId = encoder.start(request(render, Environment.V1, location,
                plan(OutputFormat.MP4, FRAME, FPS, Optional.empty(), Optional.empty())));
        Process writer = streamInto(pipe, SECONDS);

        JsonNode complete = local.events.await(jobId, "COMPLETE", timeout());

        assertThat(writer.waitFor()).isZero();
        assertThat(local.exists(LocalMediaConvert.WORK_BUCKET, "intermediate/" + render + ".nut"))
                .as("nothing was stored").isFalse();
        Path mp4 = local.download(outputDetail(complete, 0, 0).path("outputFilePaths").path(0).asText());
        assertThat(duration(local.describe(mp4))).isCloseTo(SECONDS, within(0.05));
        assertThat(local.describe(mp4)).contains("Video: h264", "320x180", "Audio: aac");
        assertThat(pipe).doesNotExist();
        assertThat(pipe.resolveSibling(pipe.getFileName() + ".json")).doesNotExist();
    }

    @Test
    void aStreamThatEndsShortLostItsWriterAndIsReadAgainWhenTheWriterComposesItWhole() throws Exception {
        UUID render = UUID.randomUUID();
        String location = "s3://" + LocalMediaConvert.WORK_BUCKET + "/intermediate/" + render + ".nut";
        Path pipe = openPipe(location, SECONDS);
        String jobId = encoder.start(request(render, Environment.V1, location,
                plan(OutputFormat.MP4, FRAME, FPS, Optional.empty(), Optional.empty())));
        // a worker killed a second into its composition, then its retry once the job reads the pipe again
        long firstReader = awaitReaderOf(pipe, -1);
        Process first = streamInto(pipe, 1);
        assertThat(first.waitFor()).isZero();
        awaitReaderOf(pipe, firstReader);
        Process retry = streamInto(pipe, SECONDS);

        JsonNode complete = local.events.await(jobId, "COMPLETE", timeout());

        assertThat(retry.waitFor()).isZero();
        assertThat(local.events.statusesOf(jobId)).doesNotContain("ERROR");
        Path mp4 = local.download(outputDetail(complete, 0, 0).path("outputFilePaths").path(0).asText());
        assertThat(duration(local.describe(mp4))).isCloseTo(SECONDS, within(0.05));
    }

    @Test
    void aStreamedInputCannotAlsoFeedFrameCaptures() {
        UUID render = UUID.randomUUID();
        String location = "s3://" + LocalMediaConvert.WORK_BUCKET + "/intermediate/" + render + ".nut";
        openPipe(location, SECONDS);
        String jobId = encoder.start(request(render, Environment.V1, location,
                plan(OutputFormat.MP4, FRAME, FPS, Optional.of(1.0), Optional.empty())));

        JsonNode error = local.events.await(jobId, "ERROR", timeout());

        assertThat(error.path("detail").path("errorMessage").asText()).contains(location, "frame captures");
    }

    /** The pid of the emulator's ffmpeg reading {@code pipe}, once one other than {@code not} runs. */
    private static long awaitReaderOf(Path pipe, long not) {
        long deadline = System.nanoTime() + timeout().toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> reader = ProcessHandle.current().descendants()
                    .filter(process -> process.pid() != not && process.isAlive())
                    .filter(process -> process.info().commandLine()
                            .filter(line -> line.contains("-i file:" + pipe)).isPresent())
                    .findFirst();
            if (reader.isPresent()) {
                return reader.get().pid();
            }
            sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("no ffmpeg reads " + pipe);
    }

    /** The pipe of {@code location} as the embedded stack's render worker makes it, stating a composition's length. */
    private static Path openPipe(String location, double seconds) {
        return new NamedPipeIntermediates(local.emulator.intermediatePipes()).open(location, new MediaInfo(
                OptionalDouble.of(seconds), Optional.of(new MediaInfo.VideoStream(FRAME.width(), FRAME.height(), 25,
                        "rawvideo")), Optional.of(new MediaInfo.AudioStream(48000, 2, "pcm_s16le")), 0)).orElseThrow();
    }

    /** Writes {@code seconds} of raw pictures and sound into the pipe as the composer does, once a reader opens it. */
    private static Process streamInto(Path pipe, double seconds) throws IOException {
        return new ProcessBuilder(local.ffmpeg.toString(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=s=" + FRAME.width() + "x" + FRAME.height() + ":r=25:d=" + seconds,
                "-f", "lavfi", "-i", "sine=f=440:sample_rate=48000:d=" + seconds,
                "-c:v", "rawvideo", "-pix_fmt", "yuv420p", "-c:a", "pcm_s16le", "-ac", "2", "-f", "nut",
                "file:" + pipe).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
