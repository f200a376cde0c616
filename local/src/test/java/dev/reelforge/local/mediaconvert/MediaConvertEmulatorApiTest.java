package dev.reelforge.local.mediaconvert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.mediaconvert.MediaConvertEncoder;
import dev.reelforge.aws.mediaconvert.MediaConvertRenditionEncoder;
import dev.reelforge.aws.mediaconvert.MediaConvertSettings;
import dev.reelforge.core.Environment;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.ingest.RenditionEncoder.RenditionJob;
import dev.reelforge.core.ingest.RenditionEncoder.RenditionOutput;
import dev.reelforge.core.ingest.RenditionEncoder.SourceMedia;
import dev.reelforge.core.ingest.RenditionFit;
import dev.reelforge.core.ingest.RenditionFormat;
import dev.reelforge.core.ingest.RenditionSize;
import dev.reelforge.core.ingest.RenditionSpec;
import dev.reelforge.core.ingest.RenditionsReader;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.pipeline.Encoder.EncodeRequest;
import dev.reelforge.core.plan.OutputPlan;
import dev.reelforge.core.render.Rendition;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.local.LocalClients;
import dev.reelforge.media.NamedPipeIntermediates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.model.BadRequestException;
import software.amazon.awssdk.services.mediaconvert.model.ContainerSettings;
import software.amazon.awssdk.services.mediaconvert.model.ContainerType;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobResponse;
import software.amazon.awssdk.services.mediaconvert.model.FileGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.H264Settings;
import software.amazon.awssdk.services.mediaconvert.model.Input;
import software.amazon.awssdk.services.mediaconvert.model.Job;
import software.amazon.awssdk.services.mediaconvert.model.JobSettings;
import software.amazon.awssdk.services.mediaconvert.model.JobStatus;
import software.amazon.awssdk.services.mediaconvert.model.NotFoundException;
import software.amazon.awssdk.services.mediaconvert.model.Output;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroup;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodecSettings;
import software.amazon.awssdk.services.mediaconvert.model.VideoDescription;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local MediaConvert's API through the real SDK client and raw HTTP, without running any job to its end:
 * what it accepts, what it refuses and how, and the shape of the jobs it returns.
 */
class MediaConvertEmulatorApiTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/MediaConvertRole";

    private static Path directory;
    private static S3Client unreachableS3;
    private static MediaConvertEmulator emulator;
    private static MediaConvertClient client;
    private static final EventLog EVENTS = new EventLog();

    @BeforeAll
    static void start() throws Exception {
        directory = Files.createTempDirectory("reelforge-mediaconvert-api-");
        // Jobs accepted here fail to download their input: nothing listens on port 9.
        unreachableS3 = LocalClients.s3(URI.create("http://127.0.0.1:9"));
        emulator = MediaConvertEmulator.start(directory.resolve("no-ffmpeg"), unreachableS3, directory,
                LocalMediaConvert.ACCOUNT, LocalMediaConvert.REGION, EVENTS);
        client = LocalMediaConvert.client(emulator);
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
        unreachableS3.close();
    }

    @Test
    void anEmulatorOpenedButNeverToldToWorkClosesQuietly() throws Exception {
        // ./reelforge invoke and the benchmarks open the emulator of a data directory and never let it work.
        MediaConvertEmulator idle = MediaConvertEmulator.open(directory.resolve("no-ffmpeg"), unreachableS3,
                Files.createTempDirectory(directory, "idle-"), LocalMediaConvert.ACCOUNT, LocalMediaConvert.REGION,
                EVENTS, Clock.systemUTC());

        idle.close();
        idle.close();
    }

    /** The JSON of a job the encoder would send, to break in one place. */
    private static ObjectNode validJob() {
        ObjectNode job = Json.object();
        job.put("role", ROLE);
        ObjectNode settings = job.putObject("settings");
        ObjectNode input = settings.putArray("inputs").addObject();
        input.put("fileInput", "s3://work/intermediate/clip.mp4");
        input.put("timecodeSource", "ZEROBASED");
        input.putObject("audioSelectors").putObject("Audio Selector 1").put("defaultSelection", "DEFAULT");
        ObjectNode group = settings.putArray("outputGroups").addObject();
        group.put("name", "Deliverable");
        ObjectNode groupSettings = group.putObject("outputGroupSettings");
        groupSettings.put("type", "FILE_GROUP_SETTINGS");
        groupSettings.putObject("fileGroupSettings").put("destination", "s3://renders/renders/owner/render");
        ObjectNode output = group.putArray("outputs").addObject();
        output.putObject("containerSettings").put("container", "MP4");
        ObjectNode video = output.putObject("videoDescription");
        video.put("width", 320);
        video.put("height", 180);
        ObjectNode codec = video.putObject("codecSettings");
        codec.put("codec", "H_264");
        ObjectNode h264 = codec.putObject("h264Settings");
        h264.put("rateControlMode", "QVBR");
        h264.putObject("qvbrSettings").put("qvbrQualityLevel", 7);
        h264.put("maxBitrate", 500_000);
        ObjectNode audio = output.putArray("audioDescriptions").addObject();
        audio.put("audioSourceName", "Audio Selector 1");
        ObjectNode audioCodec = audio.putObject("codecSettings");
        audioCodec.put("codec", "AAC");
        audioCodec.putObject("aacSettings").put("bitrate", 128_000).put("codingMode", "CODING_MODE_2_0")
                .put("sampleRate", 48_000);
        return job;
    }

    /** One H.264 output in {@code container}, written with the SDK's model classes. */
    private static JobSettings settings(ContainerType container) {
        return JobSettings.builder()
                .inputs(Input.builder().fileInput("s3://work/intermediate/clip.mp4").build())
                .outputGroups(OutputGroup.builder()
                        .outputGroupSettings(OutputGroupSettings.builder().type("FILE_GROUP_SETTINGS")
                                .fileGroupSettings(FileGroupSettings.builder().destination("s3://renders/out/clip").build())
                                .build())
                        .outputs(Output.builder()
                                .containerSettings(ContainerSettings.builder().container(container).build())
                                .videoDescription(VideoDescription.builder()
                                        .codecSettings(VideoCodecSettings.builder().codec("H_264")
                                                .h264Settings(H264Settings.builder().rateControlMode("QVBR")
                                                        .maxBitrate(1_000_000).build())
                                                .build())
                                        .build())
                                .build())
                        .build())
                .build();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(emulator.endpoint().resolve(path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(emulator.endpoint().resolve(path))
                            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void assertBadRequest(HttpResponse<String> response, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.path("message").asText()).isEqualTo(message);
    }

    private static void refused(Consumer<ObjectNode> change, String message) throws Exception {
        ObjectNode job = validJob();
        change.accept(job);
        assertBadRequest(post("/2017-08-29/jobs", job.toString()), message);
    }

    private static ObjectNode output(ObjectNode job) {
        return (ObjectNode) job.path("settings").path("outputGroups").path(0).path("outputs").path(0);
    }

    @Test
    void anUnsupportedContainerIsABadRequestNamingItsPath() {
        CreateJobRequest request = CreateJobRequest.builder().role(ROLE).settings(settings(ContainerType.M2_TS)).build();

        assertThatThrownBy(() -> client.createJob(request))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "/settings/outputGroups/0/outputs/0/containerSettings/container: M2TS is not supported by"
                                    + " the local MediaConvert");
                });
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/2017-08-29/jobs", "{\"role\": \"arn\", \"settings\": {");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        assertThat(Json.MAPPER.readTree(response.body()).path("message").asText())
                .startsWith("The request body is not valid JSON");

        assertBadRequest(post("/2017-08-29/jobs", ""), "The request body is empty; CreateJob takes a JSON object");
        assertBadRequest(post("/2017-08-29/jobs", "[1, 2]"), "/: expected an object, got [1,2]");
        assertThat(post("/2017-08-29/jobs", "{} trailing").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            role                                                                 | /role: a value is required
            settings                                                             | /settings: a value is required
            settings.inputs                                                      | /settings/inputs: a value is required
            settings.inputs.0.fileInput                                          | /settings/inputs/0/fileInput: a value is required
            settings.outputGroups.0.outputGroupSettings.fileGroupSettings.destination | /settings/outputGroups/0/outputGroupSettings/fileGroupSettings/destination: a value is required
            settings.outputGroups.0.outputs.0.containerSettings                 | /settings/outputGroups/0/outputs/0/containerSettings: a value is required
            settings.outputGroups.0.outputs.0.videoDescription.codecSettings.h264Settings.maxBitrate | /settings/outputGroups/0/outputs/0/videoDescription/codecSettings/h264Settings/maxBitrate: a value is required with QVBR
            """)
    void aMissingRequiredFieldIsABadRequest(String field, String message) throws Exception {
        refused(job -> {
            String[] names = field.split("\\.");
            JsonNode parent = job;
            for (int i = 0; i < names.length - 1; i++) {
                parent = names[i].matches("\\d+") ? parent.get(Integer.parseInt(names[i])) : parent.get(names[i]);
            }
            ((ObjectNode) parent).remove(names[names.length - 1]);
        }, message);
    }

    @Test
    void settingsOutsideTheSubsetAreRefusedByPath() throws Exception {
        refused(job -> job.put("jobTemplate", "System-Ott_Hls_Ts_Avc_Aac"),
                "/jobTemplate: System-Ott_Hls_Ts_Avc_Aac is not supported by the local MediaConvert");
        refused(job -> ((ObjectNode) job.path("settings").path("inputs").path(0)).put("fileInput", "https://example.com/a.mp4"),
                "/settings/inputs/0/fileInput: https://example.com/a.mp4 is not supported by the local MediaConvert"
                        + " (only s3:// locations are)");
        refused(job -> ((ObjectNode) job.path("settings").path("outputGroups").path(0).path("outputGroupSettings"))
                        .put("type", "HLS_GROUP_SETTINGS"),
                "/settings/outputGroups/0/outputGroupSettings/type: HLS_GROUP_SETTINGS is not supported by the local"
                        + " MediaConvert");
        refused(job -> ((ObjectNode) output(job).path("videoDescription").path("codecSettings")).put("codec", "H_265"),
                "/settings/outputGroups/0/outputs/0/videoDescription/codecSettings/codec: H_265 is not supported by"
                        + " the local MediaConvert");
        refused(job -> ((ObjectNode) output(job).path("videoDescription").path("codecSettings").path("h264Settings"))
                        .put("codecProfile", "HIGH_10_BIT"),
                "/settings/outputGroups/0/outputs/0/videoDescription/codecSettings/h264Settings/codecProfile:"
                        + " HIGH_10_BIT is not supported by the local MediaConvert");
        refused(job -> ((ObjectNode) output(job).path("videoDescription").path("codecSettings").path("h264Settings")
                        .path("qvbrSettings")).put("qvbrQualityLevel", 11),
                "/settings/outputGroups/0/outputs/0/videoDescription/codecSettings/h264Settings/qvbrSettings"
                        + "/qvbrQualityLevel: 11 is out of range (1 to 10)");
        refused(job -> ((ObjectNode) output(job).path("containerSettings")).put("container", "GIF"),
                "/settings/outputGroups/0/outputs/0/videoDescription/codecSettings/codec: a GIF container needs the"
                        + " GIF video codec");
        refused(job -> ((ObjectNode) output(job).path("audioDescriptions").path(0)).put("audioSourceName", "Audio Selector 2"),
                "/settings/outputGroups/0/outputs/0/audioDescriptions/0/audioSourceName: Audio Selector 2 is not an"
                        + " audio selector of the input");
        refused(job -> ((ObjectNode) output(job).path("videoDescription")).put("width", "wide"),
                "/settings/outputGroups/0/outputs/0/videoDescription/width: expected an integer, got wide");
        refused(job -> output(job).put("preset", "System-Generic_Hd_Mp4_Avc_Aac_16x9_1920x1080p_24Hz_6Mbps"),
                "/settings/outputGroups/0/outputs/0/preset: System-Generic_Hd_Mp4_Avc_Aac_16x9_1920x1080p_24Hz_6Mbps is"
                        + " not supported by the local MediaConvert");
    }

    /** {@code count} copies of the valid job's input, each its own file. */
    private static void inputs(ObjectNode job, int count) {
        ArrayNode inputs = (ArrayNode) job.path("settings").path("inputs");
        ObjectNode input = (ObjectNode) inputs.get(0);
        inputs.removeAll();
        for (int n = 0; n < count; n++) {
            inputs.add(input.deepCopy().put("fileInput", "s3://work/intermediate/chunk-" + n + ".mov"));
        }
    }

    @Test
    void aJobTakesUpTo150InputsAndMoreAreABadRequest() throws Exception {
        ObjectNode job = validJob();
        inputs(job, 150);
        HttpResponse<String> accepted = post("/2017-08-29/jobs", job.toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(Json.MAPPER.readTree(accepted.body()).path("job").path("settings").path("inputs").size())
                .isEqualTo(150);

        refused(tooMany -> inputs(tooMany, 151), "/settings/inputs: 151 inputs; a job has at most 150 (MediaConvert's"
                + " limit)");
    }

    @Test
    void everyInputNeedsTheAudioSelectorTheOutputsRead() throws Exception {
        refused(job -> {
            inputs(job, 3);
            ((ObjectNode) job.path("settings").path("inputs").path(1)).remove("audioSelectors");
        }, "/settings/outputGroups/0/outputs/0/audioDescriptions/0/audioSourceName: Audio Selector 1 is not an audio"
                + " selector of input 1 (every input of the job needs the audio selectors its outputs read)");
        refused(job -> {
            inputs(job, 2);
            ((ObjectNode) job.path("settings").path("inputs").path(1)).putObject("imageInserter")
                    .putArray("insertableImages").addObject().put("imageInserterInput", "s3://assets/logo.jpg")
                    .put("imageX", 0).put("imageY", 0);
        }, "/settings/inputs/1/imageInserter/insertableImages/0/imageInserterInput: s3://assets/logo.jpg is not"
                + " supported by the local MediaConvert (a .png, .tga or .bmp image is)");
    }

    @Test
    void aStreamedInputAmongSeveralIsABadRequest() throws Exception {
        String location = "s3://work/work/owner/" + UUID.randomUUID() + "/composition.nut";
        Path pipe = new NamedPipeIntermediates(emulator.intermediatePipes()).open(location, new MediaInfo(
                OptionalDouble.of(2), Optional.of(new MediaInfo.VideoStream(320, 180, 25, "rawvideo")),
                Optional.empty(), 0)).orElseThrow();
        try {
            refused(job -> {
                inputs(job, 2);
                ((ObjectNode) job.path("settings").path("inputs").path(1)).put("fileInput", location);
            }, "/settings/inputs/1/fileInput: " + location + " is streamed into a pipe of the local MediaConvert,"
                    + " which only a job's sole input may be (streaming is the local MediaConvert's own; MediaConvert"
                    + " reads stored files)");
        } finally {
            NamedPipeIntermediates.remove(pipe);
        }
    }

    @Test
    void aJobOfFrameCapturesAloneIsRefused() throws Exception {
        refused(job -> {
            ObjectNode output = output(job);
            output.remove("audioDescriptions");
            ((ObjectNode) output.path("containerSettings")).put("container", "RAW");
            ObjectNode codec = (ObjectNode) output.path("videoDescription").path("codecSettings");
            codec.removeAll();
            codec.put("codec", "FRAME_CAPTURE");
            codec.putObject("frameCaptureSettings").put("framerateNumerator", 1).put("framerateDenominator", 1)
                    .put("maxCaptures", 1);
        }, "/settings/outputGroups: a job needs an output other than frame captures");
    }

    @Test
    void twoOutputsWritingOneFileAreRefused() throws Exception {
        refused(job -> ((ArrayNode) job.path("settings").path("outputGroups"))
                        .add(job.path("settings").path("outputGroups").path(0).deepCopy()),
                "/settings/outputGroups/1/outputs/0: writes s3://renders/renders/owner/render.mp4 as output 0 of"
                        + " output group 0 does; give them different nameModifiers");
    }

    @Test
    void anOutputWithoutANameModifierInAGroupOfSeveralIsRefused() throws Exception {
        refused(job -> {
            ObjectNode second = output(job).deepCopy().put("nameModifier", "-small");
            ((ArrayNode) job.path("settings").path("outputGroups").path(0).path("outputs")).add(second);
        }, "/settings/outputGroups/0/outputs/0/nameModifier: a value is required when an output group has several"
                + " outputs");
    }

    @Test
    void twoOutputsOfOneGroupWithTheSameNameModifierAreRefused() throws Exception {
        refused(job -> {
            output(job).put("nameModifier", "-360");
            ObjectNode second = output(job).deepCopy();
            ((ObjectNode) second.path("videoDescription")).put("width", 640).put("height", 360);
            ((ArrayNode) job.path("settings").path("outputGroups").path(0).path("outputs")).add(second);
        }, "/settings/outputGroups/0/outputs/1/nameModifier: -360 is the name modifier of output 0 of the group"
                + " already");
    }

    @Test
    void createReturnsTheSubmittedJobAndTheSameTokenReturnsItAgain() {
        Instant before = Instant.now().minusSeconds(1);
        CreateJobRequest request = CreateJobRequest.builder()
                .role(ROLE)
                .clientRequestToken("token-" + UUID.randomUUID())
                .userMetadata(Map.of("renderId", "r-1"))
                .settings(settings(ContainerType.MP4))
                .build();

        CreateJobResponse created = client.createJob(request);
        Job job = created.job();
        assertThat(job.id()).matches("\\d{13}-[a-z0-9]{6}");
        assertThat(job.arn()).isEqualTo("arn:aws:mediaconvert:us-east-1:000000000000:jobs/" + job.id());
        assertThat(job.status()).isIn(JobStatus.SUBMITTED, JobStatus.PROGRESSING, JobStatus.ERROR);
        assertThat(job.createdAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(job.role()).isEqualTo(ROLE);
        assertThat(job.queue()).isEqualTo("arn:aws:mediaconvert:us-east-1:000000000000:queues/Default");
        assertThat(job.userMetadata()).containsEntry("renderId", "r-1");
        assertThat(job.settings().outputGroups().getFirst().outputs().getFirst().containerSettings().container())
                .isEqualTo(ContainerType.MP4);
        assertThat(job.clientRequestToken()).isEqualTo(request.clientRequestToken());

        assertThat(client.createJob(request).job().id()).isEqualTo(job.id());
        assertThat(client.getJob(get -> get.id(job.id())).job().id()).isEqualTo(job.id());
        assertThat(client.listJobsPaginator(list -> list.maxResults(1)).jobs().stream().map(Job::id))
                .containsOnlyOnce(job.id());

        // with no S3 to read the input from, the job ends in ERROR
        JsonNode error = EVENTS.await(job.id(), "ERROR", Duration.ofSeconds(30));
        assertThat(error.path("detail").path("errorCode").asInt()).isEqualTo(1010);
        assertThat(EVENTS.statusesOf(job.id())).containsExactly("PROGRESSING", "ERROR");
    }

    @Test
    void everythingTheEncoderWritesIsAccepted() {
        MediaConvertEncoder encoder = new MediaConvertEncoder(client, new MediaConvertSettings(ROLE,
                Optional.of("arn:aws:mediaconvert:us-east-1:000000000000:queues/Default"),
                "s3://assets/assets/watermark.png", new Size(300, 100)));
        for (OutputFormat format : new OutputFormat[] {OutputFormat.MP4, OutputFormat.GIF, OutputFormat.MP3}) {
            for (Environment environment : Environment.values()) {
                boolean video = format != OutputFormat.MP3;
                OutputPlan plan = new OutputPlan(format, new Size(1280, 720), new Fps(30000, 1001), Quality.HIGH, true,
                        false, video ? Optional.of(2.5) : Optional.empty(),
                        video ? Optional.of(new OutputPlan.ThumbnailPlan(0, new Size(256, 144))) : Optional.empty(),
                        true, false);
                UUID render = UUID.randomUUID();
                List<Rendition> renditions = format == OutputFormat.MP4
                        ? List.of(new Rendition("360", new Size(640, 360)), new Rendition("480", new Size(854, 480)))
                        : List.of();
                String id = encoder.start(new EncodeRequest(render, "owner", environment, "s3://work/i/" + render + ".mp4",
                        "s3://renders/renders/owner/" + render, plan, video, true, 5, renditions));
                assertThat(client.getJob(get -> get.id(id)).job().userMetadata())
                        .containsEntry("renderId", render.toString());
            }
        }
    }

    @Test
    void aJobOfSeveralChunksTheEncoderWritesIsAccepted() {
        MediaConvertEncoder encoder = new MediaConvertEncoder(client, new MediaConvertSettings(ROLE, Optional.empty(),
                "s3://assets/assets/watermark.png", new Size(300, 100)));
        OutputPlan plan = new OutputPlan(OutputFormat.MP4, new Size(1280, 720), new Fps(25, 1), Quality.HIGH, true,
                false, Optional.of(2.5), Optional.of(new OutputPlan.ThumbnailPlan(0, new Size(256, 144))), true, false);
        UUID render = UUID.randomUUID();
        List<String> chunks = List.of("s3://work/w/" + render + "/chunk-0.mov", "s3://work/w/" + render + "/chunk-1.mov",
                "s3://work/w/" + render + "/chunk-2.mov");

        String id = encoder.start(new EncodeRequest(render, "owner", Environment.STAGE, chunks,
                "s3://renders/renders/owner/" + render, plan, true, true, 30,
                List.of(new Rendition("360", new Size(640, 360)))));

        assertThat(client.getJob(get -> get.id(id)).job().settings().inputs())
                .extracting(Input::fileInput).containsExactlyElementsOf(chunks);
    }

    @Test
    void everythingTheRenditionEncoderWritesIsAccepted() {
        MediaConvertRenditionEncoder encoder = new MediaConvertRenditionEncoder(client, new MediaConvertSettings(ROLE,
                Optional.empty(), "s3://assets/assets/watermark.png", new Size(300, 100)), Clock.systemUTC());
        SourceMedia video = new SourceMedia(true, true, 1920, 1080, 5, 29.97);
        for (RenditionFit fit : RenditionFit.values()) {
            List<RenditionOutput> outputs = new ArrayList<>();
            for (RenditionFormat format : RenditionsReader.MADE) {
                boolean audio = format.kind() == RenditionFormat.Kind.AUDIO;
                outputs.add(new RenditionOutput(format.wireName(), new RenditionSpec(format,
                        audio ? Optional.empty() : Optional.of(RenditionSize.of(new Size(640, 480))), fit,
                        OptionalInt.of(55), audio ? OptionalDouble.empty() : OptionalDouble.of(23.976),
                        audio || format == RenditionFormat.GIF ? OptionalInt.empty() : OptionalInt.of(12),
                        Optional.empty()), "s3://renders/ingest/owner/" + fit + "/" + format.wireName()));
                outputs.add(new RenditionOutput(format.wireName() + "-plain", new RenditionSpec(format,
                        Optional.empty(), fit, OptionalInt.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                        Optional.empty()), "s3://renders/ingest/owner/" + fit + "/" + format.wireName() + "-plain"));
            }
            String sourceId = UUID.randomUUID().toString();
            String id = encoder.start(new RenditionJob(sourceId, "owner", "s3://work/i/" + sourceId, video, outputs));
            assertThat(client.getJob(get -> get.id(id)).job().userMetadata()).containsEntry("sourceId", sourceId)
                    .containsEntry("kind", "ingest");
        }
    }

    @Test
    void anUnknownJobIsNotFound() throws Exception {
        assertThatThrownBy(() -> client.getJob(get -> get.id("1700000000000-abcdef")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> client.cancelJob(cancel -> cancel.id("1700000000000-abcdef")))
                .isInstanceOf(NotFoundException.class);
        HttpResponse<String> response = send("GET", "/2017-08-29/jobs/nope");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("NotFoundException");
        assertThat(Json.MAPPER.readTree(response.body()).path("message").asText()).isEqualTo("The job nope does not exist");
    }

    @Test
    void otherOperationsAreNotFoundRatherThanFailures() throws Exception {
        assertThat(send("GET", "/2017-08-29/queues").statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/2017-08-29/jobs").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/").statusCode()).isEqualTo(404);
        assertBadRequest(send("GET", "/2017-08-29/jobs?maxResults=500"), "maxResults: 500 is not valid here");
        HttpResponse<String> endpoints = post("/2017-08-29/endpoints", "{}");
        assertThat(endpoints.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(endpoints.body()).path("endpoints").path(0).path("url").asText())
                .isEqualTo(emulator.endpoint().toString());
    }
}
