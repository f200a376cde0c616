package dev.reelforge.local.mediaconvert;

import static dev.reelforge.local.mediaconvert.LocalMediaConvert.OUTPUT_BUCKET;
import static dev.reelforge.local.mediaconvert.LocalMediaConvert.timeout;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.mediaconvert.MediaConvertEncoder;
import dev.reelforge.aws.mediaconvert.MediaConvertSettings;
import dev.reelforge.core.Environment;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.pipeline.Encoder.EncodeRequest;
import dev.reelforge.core.plan.OutputPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.model.Job;
import software.amazon.awssdk.services.mediaconvert.model.JobStatus;

/**
 * The local MediaConvert keeps its jobs in its directory, as MediaConvert never loses a job it accepted: an
 * emulator started again on the same directory (as a restarted stack does) answers for the jobs of before, sends
 * the events a stop kept from being sent, and runs again every job that had not finished.
 */
class MediaConvertEmulatorRestartIT {

    private static final String ROLE = "arn:aws:iam::000000000000:role/MediaConvertRole";
    private static final Size FRAME = new Size(320, 180);

    private LocalMediaConvert local;
    private MediaConvertEmulator restarted;
    private MediaConvertClient restartedClient;

    @AfterEach
    void stop() {
        if (restartedClient != null) {
            restartedClient.close();
        }
        if (restarted != null) {
            restarted.close();
        }
        if (local != null) {
            local.close();
        }
    }

    private static MediaConvertEncoder encoder(MediaConvertClient client) {
        return new MediaConvertEncoder(client, new MediaConvertSettings(ROLE, Optional.empty(),
                LocalMediaConvert.WATERMARK,
                new Size(LocalMediaConvert.WATERMARK_WIDTH, LocalMediaConvert.WATERMARK_HEIGHT)));
    }

    private EncodeRequest request(UUID render, double seconds, Size size) {
        String input = local.uploadIntermediate("intermediate/" + render + ".mp4", FRAME.width(), FRAME.height(),
                seconds, true);
        OutputPlan plan = new OutputPlan(OutputFormat.MP4, size, new Fps(25, 1), Quality.MEDIUM, true, false,
                Optional.of(0.5), Optional.empty(), true, false);
        return new EncodeRequest(render, "owner-1", Environment.V1, input,
                "s3://" + OUTPUT_BUCKET + "/renders/owner-1/" + render, plan, true, true, seconds);
    }

    /** The emulator started again on the same directory, its events going to {@code events}. */
    private MediaConvertClient restart(Consumer<String> events) {
        local.mediaConvert.close();
        local.emulator.close();
        restarted = local.restart(events);
        restartedClient = LocalMediaConvert.client(restarted);
        return restartedClient;
    }

    @Test
    void aJobStoppedWhileItRanRunsAgainAfterARestartAndCompletes() {
        local = LocalMediaConvert.start();
        UUID render = UUID.randomUUID();
        // long enough to be stopped while it runs: a few seconds of larger frames
        String jobId = encoder(local.mediaConvert).start(request(render, 4, new Size(854, 480)));
        local.events.await(jobId, "PROGRESSING", timeout());

        EventLog afterRestart = new EventLog();
        MediaConvertClient client = restart(afterRestart);

        JsonNode complete = afterRestart.await(jobId, "COMPLETE", timeout());
        assertThat(afterRestart.statusesOf(jobId)).as("no second PROGRESSING for a job that was PROGRESSING")
                .doesNotContain("PROGRESSING").last().isEqualTo("COMPLETE");
        assertThat(local.events.statusesOf(jobId)).doesNotContain("COMPLETE", "ERROR");
        assertThat(complete.path("detail").path("userMetadata").path("renderId").asText()).isEqualTo(render.toString());
        Job job = client.getJob(get -> get.id(jobId)).job();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(local.exists(OUTPUT_BUCKET, "renders/owner-1/" + render + ".mp4")).isTrue();
    }

    @Test
    void jobsOfBeforeARestartAreStillAnsweredAndTheirTokenStillReturnsThem() {
        local = LocalMediaConvert.start();
        UUID render = UUID.randomUUID();
        EncodeRequest request = request(render, 1, FRAME);
        String jobId = encoder(local.mediaConvert).start(request);
        local.events.await(jobId, "COMPLETE", timeout());
        Job before = local.mediaConvert.getJob(get -> get.id(jobId)).job();

        EventLog afterRestart = new EventLog();
        MediaConvertClient client = restart(afterRestart);

        Job after = client.getJob(get -> get.id(jobId)).job();
        assertThat(after.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(after.arn()).isEqualTo(before.arn());
        assertThat(after.timing()).isEqualTo(before.timing());
        assertThat(after.outputGroupDetails()).isEqualTo(before.outputGroupDetails()).isNotEmpty();
        assertThat(after.userMetadata()).containsEntry("renderId", render.toString());
        assertThat(after.settings()).isEqualTo(before.settings());
        assertThat(client.listJobsPaginator(list -> list.maxResults(20)).jobs().stream().map(Job::id))
                .containsExactly(jobId);
        assertThat(encoder(client).start(request)).as("the same clientRequestToken within a minute").isEqualTo(jobId);
        assertThat(afterRestart.statusesOf(jobId)).as("a finished job sends nothing again").isEmpty();
    }

    @Test
    void aChangeKeptButNotYetAnnouncedIsAnnouncedAfterTheRestart() {
        // The sink takes PROGRESSING and fails on COMPLETE, as a kill between keeping the change and handing its
        // event over would leave it: the job is COMPLETE, its event owed.
        EventLog delivered = new EventLog();
        local = LocalMediaConvert.start(event -> {
            if (status(event).equals("COMPLETE")) {
                throw new IllegalStateException("killed before the COMPLETE event went out");
            }
            delivered.accept(event);
        });
        String jobId = encoder(local.mediaConvert).start(request(UUID.randomUUID(), 1, FRAME));
        long deadline = System.nanoTime() + timeout().toNanos();
        while (local.mediaConvert.getJob(get -> get.id(jobId)).job().status() != JobStatus.COMPLETE) {
            assertThat(System.nanoTime()).as("the job completes").isLessThan(deadline);
            sleep();
        }

        EventLog afterRestart = new EventLog();
        restart(afterRestart);

        JsonNode complete = afterRestart.await(jobId, "COMPLETE", timeout());
        assertThat(complete.path("detail").path("outputGroupDetails").path(0).path("outputDetails")).isNotEmpty();
        assertThat(afterRestart.statusesOf(jobId)).containsExactly("COMPLETE");
        assertThat(delivered.statusesOf(jobId)).contains("PROGRESSING").doesNotContain("COMPLETE");
    }

    private static String status(String event) {
        try {
            return Json.MAPPER.readTree(event).path("detail").path("status").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
