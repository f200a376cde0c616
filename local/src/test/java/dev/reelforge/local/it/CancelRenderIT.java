package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.aws.mediaconvert.MediaConvertEncoder;
import dev.reelforge.aws.mediaconvert.MediaConvertSettings;
import dev.reelforge.aws.s3.S3Storage;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreateAccount;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.core.account.CreatedAccount;
import dev.reelforge.core.callback.WebhookSecret;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.pipeline.Encoder;
import dev.reelforge.core.pipeline.SourceFetcher;
import dev.reelforge.core.pipeline.TemporaryUrls;
import dev.reelforge.core.render.CancelRender;
import dev.reelforge.core.render.CancelRenderCommand;
import dev.reelforge.core.render.ProduceRender;
import dev.reelforge.core.render.ProduceRenderCommand;
import dev.reelforge.core.render.ProduceRenderResult;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.RenderOutputs;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.webhooks.WebhookReceiver;
import dev.reelforge.media.FfmpegComposer;
import dev.reelforge.media.FfmpegMediaProbe;
import dev.reelforge.media.LiberationFonts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.model.JobStatus;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code DELETE /edit/{version}/render/{id}} on the embedded stack, with a callback receiver on loopback: a render
 * cancelled while the worker fetches its sources fetches none that waited its turn, one cancelled while the worker
 * composes has its ffmpeg ended, one cancelled while encoding has its MediaConvert job
 * canceled (running or still queued), and either way it ends {@code failed} with the error {@code cancelled}, sends
 * one callback and leaves no output and no asset. The races with completion are driven in the order they can
 * happen, with the stack's own functions and adapters: a cancel just before the COMPLETE event (the cancel holds),
 * a COMPLETE just before the cancel (the render is done and the cancel answers 409), outputs hosted just before
 * the cancel (their assets are deleted), and a job started just as its render was cancelled (the worker cancels it).
 */
class CancelRenderIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** The fake job id of the renders seeded as encoding: MediaConvert does not know it. */
    private static final String SEEDED_JOB = "1700000000000-seeded";
    /** How many of a render's sources the worker fetches at once (RenderPreparation.PARALLEL_SOURCES). */
    private static final int SOURCES_FETCHED_AT_ONCE = 4;

    private static RenderTestStack stack;
    private static MediaConvertClient mediaConvert;
    private static String tempBucket;
    private static String hostingBucket;
    private WebhookReceiver receiver;

    @BeforeAll
    static void startStack() {
        stack = RenderTestStack.start();
        mediaConvert = MediaConvertClient.builder()
                .endpointOverride(stack.stack().descriptor().services().get("mediaconvert"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        tempBucket = stack.stack().function("RenderWorkerFunction").definition().environment().get("TEMP_BUCKET");
        hostingBucket = stack.stack().function("PromoteOutputFunction").definition().environment().get("HOSTING_BUCKET");
    }

    @AfterAll
    static void stopStack() {
        if (mediaConvert != null) {
            mediaConvert.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void startReceiver() {
        WebhookSecret secret = WebhookSecret.parse(stack.stack().descriptor().webhookSecret()).orElseThrow();
        receiver = WebhookReceiver.start(List.of(secret), stack.stack().clock(), callback -> {});
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aRenderCancelledWhileComposingHasItsFfmpegEndedAndLeavesNothing() {
        // 25 minutes in HD: the composition runs far longer than the test waits for it; with a poster to capture, it
        // is stored whole before its job starts
        String id = stack.submit(Environment.STAGE, """
                {"callback": "%s",
                 "timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "A long one"},
                                                     "start": 0, "length": 1500}]}]},
                 "output": {"format": "mp4", "resolution": "hd", "poster": {"capture": 1}}}
                """.formatted(receiver.url()));
        await("the worker's ffmpeg composes render " + id, () -> ffmpegRunningFor("render-" + id));

        ApiResponse cancelled = cancel(Environment.STAGE, id);

        assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(202);
        assertCancelled(cancelled.body().path("response"), id);
        await("the worker's ffmpeg for render " + id + " ended", () -> !ffmpegRunningFor("render-" + id));
        assertCancelled(stack.status(Environment.STAGE, id), id);
        assertThat(stack.renders().jobOf(key(id))).as("no encoding job was started").isEmpty();
        assertThat(outputsOf(id)).as("outputs in the temporary bucket").isEmpty();
        assertThat(assetsOf(id)).as("assets").isEmpty();
        assertOneCallbackSaysCancelled(id);

        ApiResponse again = cancel(Environment.STAGE, id);
        assertThat(again.status()).as("cancelling again: %s", again.body()).isEqualTo(202);
        assertCancelled(again.body().path("response"), id);
    }

    @Test
    void aRenderCancelledWhileItsSourcesAreFetchedFetchesNoSourceThatWaitedItsTurn() {
        try (HoldingMediaHost host = HoldingMediaHost.start()) {
            host.holdRequests();
            int sources = SOURCES_FETCHED_AT_ONCE + 1;
            String clips = IntStream.range(0, sources).mapToObj(i -> """
                    {"asset": {"type": "image", "src": "%s"}, "start": %d, "length": 1}"""
                    .formatted(host.url("still-" + i + ".png"), i)).collect(Collectors.joining(", "));
            String id = stack.submit(Environment.STAGE, """
                    {"callback": "%s", "timeline": {"tracks": [{"clips": [%s]}]},
                     "output": {"format": "mp4", "resolution": "sd"}}
                    """.formatted(receiver.url(), clips));
            await("the render's first sources being fetched",
                    () -> host.holding() == SOURCES_FETCHED_AT_ONCE);

            ApiResponse cancelled = cancel(Environment.STAGE, id);
            host.release();

            assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(202);
            assertCancelled(cancelled.body().path("response"), id);
            await("the worker giving render " + id + " up", () -> stack.lastLogLines(Integer.MAX_VALUE).stream()
                    .anyMatch(line -> line.contains("render.produced") && line.contains(id)
                            && line.contains("stopped")));
            assertThat(host.requested()).as("the sources fetched").containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, SOURCES_FETCHED_AT_ONCE)
                            .mapToObj(i -> "/still-" + i + ".png").toList());
            assertThat(ffmpegRunningFor("render-" + id)).as("an ffmpeg composing the render").isFalse();
            assertCancelled(stack.status(Environment.STAGE, id), id);
            assertThat(outputsOf(id)).as("outputs in the temporary bucket").isEmpty();
            assertOneCallbackSaysCancelled(id);
        }
    }

    @Test
    void aRenderCancelledWhileItsCompositionStreamsIntoItsJobHasBothFfmpegEndedAndLeavesNothing() throws Exception {
        // nothing to capture: the job starts first and reads the composition as it is written
        String id = stack.submit(Environment.STAGE, """
                {"callback": "%s",
                 "timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "A long stream"},
                                                     "start": 0, "length": 1500}]}]},
                 "output": {"format": "mp4", "resolution": "hd"}}
                """.formatted(receiver.url()));
        await("the job of " + id + " reads its composition", () -> jobStatus(id)
                .filter(JobStatus.PROGRESSING::equals).isPresent() && ffmpegRunningFor("render-" + id));
        String job = stack.renders().jobOf(key(id)).orElseThrow();

        ApiResponse cancelled = cancel(Environment.STAGE, id);

        assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(202);
        await("the job of " + id + " canceled", () -> jobStatus(id).filter(JobStatus.CANCELED::equals).isPresent());
        await("both ffmpeg of " + id + " ended", () -> !ffmpegRunningFor("render-" + id) && !ffmpegRunningFor(job));
        stack.stack().awaitAsyncInvocations(Duration.ofSeconds(20));
        assertCancelled(stack.status(Environment.STAGE, id), id);
        assertThat(outputsOf(id)).as("outputs in the temporary bucket").isEmpty();
        assertThat(assetsOf(id)).as("assets").isEmpty();
        await("the pipe of " + id + " removed", () -> !Files.exists(stack.stack().services().intermediatePipes()
                .resolve(tempBucket).resolve("work").resolve(stack.owner()).resolve(id)
                .resolve("composition.nut")));
        assertOneCallbackSaysCancelled(id);
    }

    @Test
    void rendersCancelledWhileEncodingHaveTheirMediaConvertJobsCanceledRunningOrQueued() throws Exception {
        // long enough in HD that its job is still encoding while the second render is composed and queued behind it;
        // with posters, their compositions are stored before their jobs start, which then run one at a time
        String running = stack.submit(Environment.STAGE, """
                {"callback": "%s",
                 "timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Encoding"},
                                                     "start": 0, "length": 120}]}]},
                 "output": {"format": "mp4", "resolution": "hd", "poster": {"capture": 1}}}
                """.formatted(receiver.url()));
        await("the MediaConvert job of " + running + " runs", () -> jobStatus(running)
                .filter(JobStatus.PROGRESSING::equals).isPresent());
        String queued = stack.submit(Environment.STAGE, """
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Queued"},
                                                    "start": 0, "length": 1}]}]},
                 "output": {"format": "mp4", "resolution": "preview", "poster": {"capture": 0}}}
                """);
        await("the MediaConvert job of " + queued + " is created", () -> jobStatus(queued).isPresent());
        assertThat(jobStatus(queued)).as("the second job waits behind the first").contains(JobStatus.SUBMITTED);
        String runningJob = stack.renders().jobOf(key(running)).orElseThrow();

        assertThat(cancel(Environment.STAGE, queued).status()).isEqualTo(202);
        assertThat(cancel(Environment.STAGE, running).status()).isEqualTo(202);

        await("both jobs are canceled", () -> jobStatus(queued).filter(JobStatus.CANCELED::equals).isPresent()
                && jobStatus(running).filter(JobStatus.CANCELED::equals).isPresent());
        await("the running job's ffmpeg ended", () -> !ffmpegRunningFor(runningJob));
        // the jobs' CANCELED events reach the renders, and change nothing
        stack.stack().awaitAsyncInvocations(Duration.ofSeconds(20));
        for (String id : List.of(running, queued)) {
            assertCancelled(stack.status(Environment.STAGE, id), id);
            assertThat(outputsOf(id)).as("outputs of %s in the temporary bucket", id).isEmpty();
            assertThat(assetsOf(id)).as("assets of %s", id).isEmpty();
        }
        assertOneCallbackSaysCancelled(running);
    }

    @Test
    void aCancelJustBeforeTheCompleteEventHoldsAndNothingIsHosted() throws Exception {
        String id = seedEncodingRender();

        ApiResponse cancelled = cancel(Environment.STAGE, id);
        // MediaConvert finishes anyway: it writes the outputs, then announces COMPLETE
        writeOutputs(id);
        Object outcome = stack.stack().function("RenderStatusFunction").invoke(complete(id));
        stack.stack().awaitAsyncInvocations(Duration.ofSeconds(20));

        assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(202);
        assertThat(String.valueOf(outcome)).startsWith("ignored");
        assertCancelled(stack.status(Environment.STAGE, id), id);
        assertThat(assetsOf(id)).as("assets").isEmpty();
        assertOneCallbackSaysCancelled(id);
    }

    @Test
    void aCompleteEventJustBeforeTheCancelLeavesTheRenderDoneAndTheCancelAnswers409() throws Exception {
        String id = seedEncodingRender();
        writeOutputs(id);
        stack.stack().function("RenderStatusFunction").invoke(complete(id));

        ApiResponse refused = cancel(Environment.STAGE, id);

        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(409);
        assertThat(refused.body().path("success").asBoolean()).isFalse();
        assertThat(refused.body().path("message").asText()).isEqualTo("Conflict");
        assertThat(refused.body().path("response").asText())
                .isEqualTo("id names a render that has already finished (done) and can no longer be cancelled");
        assertThat(refused.body().at("/errors/0/path").asText()).isEqualTo("id");
        JsonNode render = stack.status(Environment.STAGE, id);
        assertThat(render.path("status").asText()).isEqualTo("done");
        assertThat(render.path("url").asText()).contains(id + ".mp4");
        await("both outputs are hosted", () -> assetsOf(id).findValuesAsText("status").equals(List.of("ready", "ready")));
        await("the render's callback", () -> renderCallbacks(id).size() == 1);
        assertThat(Json.parseTrusted(renderCallbacks(id).getFirst().body()).path("status").asText()).isEqualTo("done");
    }

    @Test
    void outputsHostedJustBeforeTheCancelHaveTheirAssetsAndFilesDeleted() throws Exception {
        String id = seedEncodingRender();
        writeOutputs(id);
        await("both outputs are hosted", () -> assetsOf(id).findValuesAsText("status").equals(List.of("ready", "ready")));
        List<String> hostedFiles = List.of(stack.owner() + "/" + id + ".mp4", stack.owner() + "/" + id + "-poster.jpg");
        assertThat(hostedFiles).allSatisfy(file -> assertThat(hosted(file)).as(file).isTrue());

        ApiResponse cancelled = cancel(Environment.STAGE, id);

        assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(202);
        await("the assets are deleted", () -> assetsOf(id).findValuesAsText("status")
                .equals(List.of("deleted", "deleted")));
        await("the hosted files are removed", () -> hostedFiles.stream().noneMatch(CancelRenderIT::hosted));
        await("the outputs are deleted from the temporary bucket", () -> outputsOf(id).isEmpty());
        Object outcome = stack.stack().function("RenderStatusFunction").invoke(complete(id));
        assertThat(String.valueOf(outcome)).startsWith("ignored");
        assertCancelled(stack.status(Environment.STAGE, id), id);
        assertOneCallbackSaysCancelled(id);
    }

    @Test
    void aJobStartedJustAsItsRenderIsCancelledIsCancelledByTheWorker() throws Exception {
        // The render lives in a table of its own, which no stream worker reads, so the race is this test's to order.
        String table = "cancel-race-" + UUID.randomUUID();
        stack.stack().services().dynamoDb().createTable(create -> create.tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName("owner").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("id").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("owner").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        DynamoDbRenders renders = new DynamoDbRenders(stack.stack().services().dynamoDb(), table);
        UUID id = UUID.randomUUID();
        // two minutes: the job encodes for seconds, far longer than the cancel takes to come, so it cannot end first
        renders.add(Render.queued(id, stack.owner(), Environment.V1, Json.parseTrusted("""
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Raced"}, "start": 0, "length": 120}]}]},
                 "output": {"format": "mp4", "resolution": "preview"}}
                """), Instant.now()));
        Clock clock = stack.stack().clock();
        CancelRender cancelRender = new CancelRender(renders, clock);
        MediaConvertEncoder mediaConvertEncoder = new MediaConvertEncoder(mediaConvert, new MediaConvertSettings(
                "arn:aws:iam::000000000000:role/MediaConvertRole", Optional.empty(),
                "s3://" + tempBucket + "/assets/watermark.png", new Size(200, 50)));
        String[] started = new String[1];
        // the owner's cancel lands between MediaConvert's CreateJob and the worker recording the job
        Encoder cancelledAsTheJobStarts = new Encoder() {
            @Override
            public String start(EncodeRequest request) {
                started[0] = mediaConvertEncoder.start(request);
                cancelRender.cancel(new CancelRenderCommand(stack.owner(), Environment.V1, id));
                return started[0];
            }

            @Override
            public WrittenFiles outputsOf(EncodeRequest request) {
                return mediaConvertEncoder.outputsOf(request);
            }

            @Override
            public void cancel(String jobId) {
                mediaConvertEncoder.cancel(jobId);
            }
        };
        Path work = SharedStack.temporaryDirectory("reelforge-cancel-race-");
        SourceFetcher noSources = (src, target) -> {
            throw new AssertionError("the edit has no sources to fetch");
        };
        TemporaryUrls noImage = key -> {
            throw new AssertionError("the edit has no image output to sign");
        };
        ProduceRender produce = new ProduceRender(renders, noSources, new FfmpegMediaProbe(stack.stack().ffmpeg(),
                Duration.ofSeconds(30)), new FfmpegComposer(stack.stack().ffmpeg(), new LiberationFonts(work.resolve(
                "fonts")), Duration.ofMinutes(2)), new S3Storage(stack.stack().services().s3(), tempBucket),
                noImage, cancelledAsTheJobStarts, clock, work, new ProduceRender.Limits(Duration.ofHours(1),
                Duration.ofMinutes(30)));
        try {
            ProduceRenderResult result = produce.produce(new ProduceRenderCommand(new RenderKey(stack.owner(), id),
                    "delivery-1"));

            assertThat(result).isInstanceOf(ProduceRenderResult.Stopped.class);
            assertThat(started[0]).as("a job was started").isNotNull();
            await("the job is canceled", () -> mediaConvert.getJob(get -> get.id(started[0])).job().status()
                    == JobStatus.CANCELED);
            Render render = renders.find(stack.owner(), id).orElseThrow();
            assertThat(render.isCancelled()).as("%s", render).isTrue();
            assertThat(renders.jobOf(new RenderKey(stack.owner(), id))).as("the job is not recorded").isEmpty();
        } finally {
            SharedStack.deleteRecursively(work);
        }
    }

    @Test
    void cancelAnswersLikeGetForRendersTheCallerDoesNotHave() {
        String mine = seedEncodingRender();
        CreatedAccount other = new CreateAccount(new DynamoDbAccounts(stack.stack().services().dynamoDb(),
                stack.stack().tableName("AccountsTable")), Clock.systemUTC(), new SecureRandom())
                .create(new CreateAccountCommand());
        String unknown = UUID.randomUUID().toString();

        ApiResponse nobodys = cancel(Environment.STAGE, unknown);
        ApiResponse anothers = stack.api().delete("/edit/stage/render/" + mine,
                other.apiKeys().get(Environment.STAGE).value());
        ApiResponse otherVersion = cancel(Environment.V1, mine);
        ApiResponse malformed = cancel(Environment.STAGE, "not-a-render-id");

        assertThat(nobodys.status()).isEqualTo(404);
        assertThat(nobodys.body().path("response").asText()).isEqualTo("id matches no render");
        assertThat(anothers.status()).as("another owner's render").isEqualTo(404);
        assertThat(anothers.body()).isEqualTo(nobodys.body());
        assertThat(otherVersion.status()).as("a stage render through v1").isEqualTo(404);
        assertThat(otherVersion.body()).isEqualTo(nobodys.body());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().at("/errors/0/path").asText()).isEqualTo("id");
        assertThat(stack.status(Environment.STAGE, mine).path("status").asText()).as("left as it was")
                .isEqualTo("saving");
    }

    // ---- helpers

    private static ApiResponse cancel(Environment environment, String id) {
        return stack.api().delete("/edit/" + environment.pathName() + "/render/" + id, stack.key(environment));
    }

    private static RenderKey key(String id) {
        return new RenderKey(stack.owner(), UUID.fromString(id));
    }

    private static void assertCancelled(JsonNode render, String id) {
        assertThat(render.path("id").asText()).isEqualTo(id);
        assertThat(render.path("status").asText()).as("%s", render).isEqualTo("failed");
        assertThat(render.path("error").asText()).as("%s", render).isEqualTo("cancelled");
        assertThat(render.has("url")).as("%s", render).isFalse();
    }

    /** Exactly one callback for the render, saying failed, cancelled (waited for, then checked a moment later). */
    private void assertOneCallbackSaysCancelled(String id) {
        await("the render's callback", () -> !renderCallbacks(id).isEmpty());
        RenderTestStack.sleep(Duration.ofSeconds(1));
        assertThat(renderCallbacks(id)).as("callbacks of render %s", id).singleElement().satisfies(callback -> {
            JsonNode body = Json.parseTrusted(callback.body());
            assertThat(body.path("status").asText()).isEqualTo("failed");
            assertThat(body.path("error").asText()).isEqualTo("cancelled");
            assertThat(callback.verified()).isTrue();
        });
    }

    private List<WebhookReceiver.Received> renderCallbacks(String id) {
        return receiver.received().stream().filter(callback -> {
            JsonNode body = Json.parseTrusted(callback.body());
            return body.path("type").asText().equals("edit") && body.path("id").asText().equals(id);
        }).toList();
    }

    /**
     * A render as the worker leaves it once MediaConvert is encoding it and writing its outputs ({@code saving}):
     * its outputs (an MP4 and a poster) and job recorded, a callback to the receiver. Seeded in the renders table,
     * it is left alone by the worker, which takes only queued renders.
     */
    private String seedEncodingRender() {
        DynamoDbRenders renders = stack.renders();
        UUID id = UUID.randomUUID();
        RenderKey key = new RenderKey(stack.owner(), id);
        Instant now = stack.stack().clock().instant();
        String base = "renders/" + stack.owner() + "/" + id;
        renders.add(new Render(id, stack.owner(), Environment.STAGE, RenderStatus.RENDERING,
                Json.parseTrusted("{\"callback\": \"" + receiver.url() + "\"}"), now, now, Optional.empty(),
                Optional.empty()));
        renders.recordOutputs(key, new RenderOutputs(base + ".mp4", Optional.of(base + "-poster.0000001.jpg"),
                Optional.empty(), true), now);
        renders.recordJob(key, SEEDED_JOB, now);
        renders.advance(key, RenderStatus.SAVING, now);
        return id.toString();
    }

    /** The seeded render's outputs, as MediaConvert writes them (a few bytes stand for each file). */
    private static void writeOutputs(String id) {
        String base = "renders/" + stack.owner() + "/" + id;
        stack.stack().services().s3().putObject(put -> put.bucket(tempBucket).key(base + ".mp4")
                .contentType("video/mp4"), RequestBody.fromString("the video"));
        stack.stack().services().s3().putObject(put -> put.bucket(tempBucket).key(base + "-poster.0000001.jpg")
                .contentType("image/jpeg"), RequestBody.fromString("the poster"));
    }

    /** The COMPLETE of the seeded render's job, as EventBridge delivers it. */
    private static ScheduledEvent complete(String id) {
        ObjectNode event = JobStateChange.of(SEEDED_JOB, "COMPLETE", stack.owner(), id, "stage");
        ObjectNode detail = (ObjectNode) event.path("detail");
        ArrayNode outputs = detail.putArray("outputGroupDetails").addObject().put("type", "FILE_GROUP")
                .putArray("outputDetails");
        String base = "s3://" + tempBucket + "/renders/" + stack.owner() + "/" + id;
        outputs.addObject().put("durationInMs", 2000).putArray("outputFilePaths").add(base + ".mp4");
        outputs.addObject().put("durationInMs", 2000).putArray("outputFilePaths").add(base + "-poster.0000001.jpg");
        return LambdaJson.fromJson(Json.write(event), ScheduledEvent.class);
    }

    /** Objects in the temporary bucket under the render's name: its outputs and their by-products. */
    private static List<String> outputsOf(String id) {
        return stack.stack().services().s3().listObjectsV2(list -> list.bucket(tempBucket)
                .prefix("renders/" + stack.owner() + "/" + id)).contents().stream().map(S3Object::key).toList();
    }

    private static JsonNode assetsOf(String id) {
        ApiResponse response = stack.api().get("/serve/stage/assets/render/" + id, stack.key(Environment.STAGE));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body().path("data");
    }

    private static boolean hosted(String key) {
        return !stack.stack().services().s3().listObjectsV2(list -> list.bucket(hostingBucket).prefix(key))
                .contents().isEmpty();
    }

    private static Optional<JobStatus> jobStatus(String renderId) {
        return stack.renders().jobOf(key(renderId)).map(job -> mediaConvert.getJob(get -> get.id(job)).job().status());
    }

    /** Whether an ffmpeg started by this JVM (the worker's, or MediaConvert's) names {@code mark} in its command. */
    private static boolean ffmpegRunningFor(String mark) {
        return ProcessHandle.current().descendants().anyMatch(process -> process.isAlive()
                && process.info().commandLine().filter(line -> line.contains("ffmpeg") && line.contains(mark))
                        .isPresent());
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + TIMEOUT.toSeconds() + " s: " + what
                        + "; the stack's last words: " + stack.lastLogLines(30));
            }
            RenderTestStack.sleep(Duration.ofMillis(100));
        }
    }
}
