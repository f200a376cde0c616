package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.it.RenderTestStack.Watched;
import dev.reelforge.local.services.LoopbackPorts;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.model.ContainerSettings;
import software.amazon.awssdk.services.mediaconvert.model.ContainerType;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest;
import software.amazon.awssdk.services.mediaconvert.model.FileGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.H264QvbrSettings;
import software.amazon.awssdk.services.mediaconvert.model.H264RateControlMode;
import software.amazon.awssdk.services.mediaconvert.model.H264Settings;
import software.amazon.awssdk.services.mediaconvert.model.Input;
import software.amazon.awssdk.services.mediaconvert.model.JobSettings;
import software.amazon.awssdk.services.mediaconvert.model.JobStatus;
import software.amazon.awssdk.services.mediaconvert.model.Output;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroup;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupType;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodec;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodecSettings;
import software.amazon.awssdk.services.mediaconvert.model.VideoDescription;

/**
 * How renders fail, as their owner sees it through the status route: every failure ends {@code failed} with
 * an error that names the clip path and the reason. Faults are real: a port nobody listens on, a 404, a
 * file that is not media, the loopback guard of a stack that refuses loopback sources, a MediaConvert job
 * whose input does not exist (its ERROR event travels the stack's own bus to the status function), and a
 * render whose worker is gone, failed by the sweeper (patience {@code PT2S} on this stack). Edits the
 * renderer cannot do are refused at submit and never stored.
 */
class RenderFailuresIT {

    private static final String PATIENCE = "PT2S";

    private static RenderTestStack stack;
    private static String clip;

    @BeforeAll
    static void startStackWithShortPatience() {
        stack = RenderTestStack.start(Map.of("StuckRenderPatience", PATIENCE), true);
        clip = stack.url(stack.media().video("clip.mp4", 320, 180, 2, 440));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** An edit of two tracks (two clips on the second) and a soundtrack, any of whose sources may be replaced. */
    private static String edit(String firstTrack, String secondTrackFirst, String secondTrackSecond, String soundtrack) {
        return """
                {"timeline": {
                   "soundtrack": {"src": "%s"},
                   "tracks": [
                     {"clips": [{"asset": {"type": "video", "src": "%s"}, "start": 0, "length": 1, "scale": 0.5}]},
                     {"clips": [{"asset": {"type": "video", "src": "%s"}, "start": 0, "length": 1},
                                {"asset": {"type": "video", "src": "%s"}, "start": "auto", "length": 1}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(soundtrack, firstTrack, secondTrackFirst, secondTrackSecond);
    }

    private static Watched failedRender(Environment environment, RenderTestStack on, String edit) {
        Watched watched = on.awaitFinished(environment, on.submit(environment, edit));
        assertThat(watched.status()).as("status of %s", watched.render()).isEqualTo("failed");
        assertThat(watched.render().has("url")).as("a failed render has no url").isFalse();
        return watched;
    }

    private static String errorOf(Environment environment, String edit) {
        return failedRender(environment, stack, edit).render().path("error").asText();
    }

    @Test
    void aSourceOnAPortNobodyListensOnFailsTheRenderNamingTheClip() {
        String nobody = "http://127.0.0.1:" + LoopbackPorts.free() + "/clip.mp4";

        String error = errorOf(Environment.STAGE, edit(nobody, clip, clip, clip));

        assertThat(error).isEqualTo("timeline.tracks[0].clips[0].asset.src could not be fetched: could not connect");
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({
            "timeline.tracks[0].clips[0].asset.src, 0",
            "timeline.tracks[1].clips[1].asset.src, 2",
            "timeline.soundtrack.src, 3"})
    void aSourceTheServerAnswers404ForFailsTheRenderNamingWhereItIsUsed(String path, int which) {
        String[] sources = {clip, clip, clip, clip};
        sources[which] = stack.url(java.nio.file.Path.of("nobody-has-this-" + which + ".mp4"));

        String error = errorOf(Environment.V1, edit(sources[0], sources[1], sources[2], sources[3]));

        assertThat(error).isEqualTo(path + " could not be fetched: the server answered 404");
    }

    @Test
    void ofSourcesReadAtOnceTheFirstFailingInTheEditsOrderNamesTheError() {
        // the one that fails last (a slow refusal: not media, found only by the probe) comes first in the edit
        String text = stack.url(stack.media().notMedia("first-not-a-video.mp4"));
        String missing = stack.url(java.nio.file.Path.of("nobody-has-this-later.mp4"));

        String error = errorOf(Environment.V1, edit(text, clip, missing, missing));

        assertThat(error).startsWith("timeline.tracks[0].clips[0].asset.src cannot be rendered: not a media file");
    }

    @Test
    void aSourceThatIsNotMediaFailsTheRenderSayingSo() {
        String text = stack.url(stack.media().notMedia("not-a-video.mp4"));

        String error = errorOf(Environment.STAGE, edit(text, clip, clip, clip));

        assertThat(error).startsWith("timeline.tracks[0].clips[0].asset.src cannot be rendered: not a media file");
        assertThat(error).doesNotContain("/tmp").doesNotContain("source-0");
    }

    @Test
    void aStackThatRefusesLoopbackSourcesFailsARenderOfOne() {
        try (RenderTestStack guarded = RenderTestStack.start(Map.of(), false)) {
            String source = guarded.url(guarded.media().video("clip.mp4", 320, 180, 1, 440));

            Watched watched = failedRender(Environment.STAGE, guarded, """
                    {"timeline": {"tracks": [{"clips": [
                      {"asset": {"type": "video", "src": "%s"}, "start": 0, "length": 1}]}]},
                     "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                    """.formatted(source));

            assertThat(watched.render().path("error").asText()).isEqualTo("timeline.tracks[0].clips[0].asset.src "
                    + "could not be fetched: 127.0.0.1 is a loopback address, which is not fetched");
        }
    }

    @Test
    void aMediaConvertJobEndingInErrorFailsItsRenderThroughTheEventBus() throws IOException {
        // A render in `rendering` whose encoding job was started, as the worker leaves it, but whose
        // intermediate never reached S3: MediaConvert ends the job in ERROR.
        DynamoDbRenders renders = stack.renders();
        UUID id = UUID.randomUUID();
        RenderKey key = new RenderKey(stack.owner(), id);
        Instant now = Instant.now();
        renders.add(new Render(id, stack.owner(), Environment.V1, RenderStatus.RENDERING,
                Json.MAPPER.readTree(edit(clip, clip, clip, clip)), now, now, Optional.empty(), Optional.empty()));
        Map<String, String> worker = stack.stack().function("RenderWorkerFunction").definition().environment();
        String bucket = worker.get("TEMP_BUCKET");
        String jobId;
        try (MediaConvertClient mediaConvert = MediaConvertClient.builder()
                .endpointOverride(stack.stack().descriptor().services().get("mediaconvert"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            jobId = mediaConvert.createJob(CreateJobRequest.builder()
                    .role(worker.get("MEDIACONVERT_ROLE_ARN"))
                    .userMetadata(Map.of("application", "reelforge", "owner", stack.owner(), "renderId", id.toString(),
                            "environment", "v1"))
                    .settings(JobSettings.builder()
                            .inputs(Input.builder().fileInput("s3://" + bucket + "/work/" + stack.owner() + "/" + id
                                    + "/composition.mp4").build())
                            .outputGroups(OutputGroup.builder()
                                    .outputGroupSettings(OutputGroupSettings.builder()
                                            .type(OutputGroupType.FILE_GROUP_SETTINGS)
                                            .fileGroupSettings(FileGroupSettings.builder()
                                                    .destination("s3://" + bucket + "/renders/" + stack.owner() + "/" + id)
                                                    .build())
                                            .build())
                                    .outputs(Output.builder()
                                            .extension("mp4")
                                            .containerSettings(ContainerSettings.builder().container(ContainerType.MP4)
                                                    .build())
                                            .videoDescription(VideoDescription.builder().width(320).height(180)
                                                    .codecSettings(VideoCodecSettings.builder().codec(VideoCodec.H_264)
                                                            .h264Settings(H264Settings.builder()
                                                                    .rateControlMode(H264RateControlMode.QVBR)
                                                                    .qvbrSettings(H264QvbrSettings.builder()
                                                                            .qvbrQualityLevel(7).build())
                                                                    .maxBitrate(500_000)
                                                                    .build())
                                                            .build())
                                                    .build())
                                            .build())
                                    .build())
                            .build())
                    .build()).job().id();
            // As the worker does after CreateJob; the job's ERROR event may already have failed the render, which
            // RecordEncodingEvent allows for (an event of the render's only job, before its id was recorded).
            renders.recordJob(key, jobId, Instant.now());

            Watched watched = stack.awaitFinished(Environment.V1, id.toString());

            assertThat(watched.status()).as("status of %s", watched.render()).isEqualTo("failed");
            assertThat(watched.render().path("error").asText())
                    .matches("encoding failed \\(MediaConvert error \\d+\\); quote render " + id + " to support")
                    .as("MediaConvert's own message names internal storage").doesNotContain("s3://");
            assertThat(mediaConvert.getJob(get -> get.id(jobId)).job().status()).isEqualTo(JobStatus.ERROR);
        }
    }

    @Test
    void theSweeperFailsARenderThatStoppedMovingAndLeavesOneThatMoves() {
        // Two renders in `fetching`, as a worker leaves them once it claimed them; seeded in that status, so
        // no stream record of a queued render reaches the real worker. One worker crashes; the other goes on.
        DynamoDbRenders renders = stack.renders();
        UUID crashed = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        Instant seeded = Instant.now();
        for (UUID id : new UUID[] {crashed, alive}) {
            renders.add(new Render(id, stack.owner(), Environment.STAGE, RenderStatus.FETCHING, smallEdit(), seeded,
                    seeded, Optional.empty(), Optional.empty()));
        }
        RenderTestStack.sleep(Duration.ofMillis(2_500));
        assertThat(renders.advance(new RenderKey(stack.owner(), alive), RenderStatus.RENDERING, Instant.now()))
                .as("the live worker moves its render on").isTrue();

        stack.stack().fireSchedules("RenderSweeperFunction");
        Watched stuck = stack.awaitFinished(Environment.STAGE, crashed.toString());

        assertThat(stuck.status()).isEqualTo("failed");
        assertThat(stuck.render().path("error").asText()).startsWith("the render did not finish");
        // the same sweep read both; the one that moved within the patience is left alone
        JsonNode moving = stack.status(Environment.STAGE, alive.toString());
        assertThat(moving.path("status").asText()).isEqualTo("rendering");
        assertThat(moving.has("error")).isFalse();
    }

    @Test
    void aStuckRendersErrorSaysHowLongItStoodStill() {
        DynamoDbRenders renders = stack.renders();
        UUID id = UUID.randomUUID();
        Instant longAgo = Instant.now().minusSeconds(10);
        renders.add(new Render(id, stack.owner(), Environment.STAGE, RenderStatus.FETCHING, smallEdit(), longAgo,
                longAgo, Optional.empty(), Optional.empty()));

        stack.stack().fireSchedules("RenderSweeperFunction");
        Watched stuck = stack.awaitFinished(Environment.STAGE, id.toString());

        assertThat(stuck.status()).isEqualTo("failed");
        assertThat(stuck.render().path("error").asText()).as("error of a render swept with patience %s", PATIENCE)
                .doesNotContain(" 0 minutes").containsPattern("2 s|2 seconds|PT2S");
    }

    private static JsonNode smallEdit() {
        try {
            return Json.MAPPER.readTree(edit(clip, clip, clip, clip));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int storedRenders() {
        return stack.stack().services().dynamoDb().query(query -> query
                .tableName(stack.stack().tableName("RendersTable"))
                .keyConditionExpression("#owner = :owner")
                .expressionAttributeNames(Map.of("#owner", "owner"))
                .expressionAttributeValues(Map.of(":owner",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(stack.owner())))
                .consistentRead(true)
                .select(Select.COUNT)).count();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "html5 with script | timeline.tracks[0].clips[0].asset.js | {\"type\": \"html5\", \"html\": \"<p>x</p>\", \"js\": \"go()\"} | "})
    void anUnsupportedFeatureIsRefusedAtSubmitNamingTheFieldAndNothingIsStored(String feature, String path,
            String asset, String extra) {
        String edit = """
                {%s "timeline": {"tracks": [{"clips": [{"asset": %s, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4", "resolution": "preview"}}
                """.formatted(extra == null ? "" : extra, asset);
        int before = storedRenders();

        ApiResponse response = stack.api().post("/edit/stage/render", stack.key(Environment.STAGE), edit);

        assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
        assertThat(response.body().path("success").asBoolean()).isFalse();
        assertThat(response.body().path("response").asText()).startsWith(path + " ").contains("not supported");
        assertThat(response.body().at("/errors/0/path").asText()).isEqualTo(path);
        assertThat(storedRenders()).as("renders stored for the owner").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://10.0.0.5/hooks/render          | 10.0.0.5 is a private address",
            "https://192.168.1.20:8443/hook        | 192.168.1.20 is a private address",
            "http://169.254.169.254/latest/meta    | 169.254.169.254 is a link-local address",
            "http://[fd00::1]/hook                 | is a private address"})
    void aCallbackThatCouldNeverBeCalledIsRefusedAtSubmitNamingTheFieldAndNothingIsStored(String callback,
            String reason) {
        String edit = """
                {"callback": "%s", "timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Hi"},
                 "start": 0, "length": 2}]}]}, "output": {"format": "mp4", "resolution": "preview"}}
                """.formatted(callback);
        int before = storedRenders();

        ApiResponse response = stack.api().post("/edit/stage/render", stack.key(Environment.STAGE), edit);

        assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
        assertThat(response.body().path("response").asText()).startsWith("callback ").contains(reason);
        assertThat(response.body().at("/errors/0/path").asText()).isEqualTo("callback");
        assertThat(storedRenders()).as("renders stored for the owner").isEqualTo(before);
    }

    @Test
    void theStatusOfAFailedRenderMatchesTheContract() {
        // every GET above was judged by the contract too; this one reads the full document with its edit
        String nobody = "http://127.0.0.1:" + LoopbackPorts.free() + "/clip.mp4";
        String id = failedRender(Environment.STAGE, stack, edit(nobody, clip, clip, clip)).render().path("id").asText();

        ApiResponse response = stack.api().get("/edit/stage/render/" + id, stack.key(Environment.STAGE));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/response/status").asText()).isEqualTo("failed");
        assertThat(response.body().at("/response/data/timeline/tracks/0/clips/0/asset/src").asText()).isEqualTo(nobody);
    }
}
