package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.cloudfront.CloudFrontInvalidations;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.aws.dynamodb.DynamoDbVideos;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.aws.s3.S3DestinationCopier;
import dev.reelforge.aws.s3.S3HostingCopier;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetId;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.HostingCopyFailedException;
import dev.reelforge.core.asset.PromoteOutput;
import dev.reelforge.core.destination.BucketGrants;
import dev.reelforge.core.destination.DeliverOutput;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.RenderOutputs;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.hosting.CdnHostedFiles;
import dev.reelforge.hosting.PromoteOutputFunction;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.contract.ContractCheckingClient;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalContext;
import dev.reelforge.local.template.StackIdentity;
import dev.reelforge.runtime.FunctionEnvironment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Hosting render outputs on the embedded stack: the promote function is given S3 ObjectCreated events as S3
 * sends them (its delivery from S3Proxy is the stack's own piece), against DynamoDB Local and S3Proxy; what
 * it hosts is read back through the Serve API, every exchange judged by the contract.
 *
 * <p>Three renders go through the whole pipeline (a title with a poster and a thumbnail, twice, once excluding
 * the hosting destination; a still image); the other cases seed a render with its outputs recorded and written, as the
 * worker and the encoder leave them.
 */
class PromoteOutputIT {

    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(90);
    private static final String EDIT = """
            {"timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Hosted"}, "start": 0, "length": 2}]}]},
             "output": {"format": "mp4", "resolution": "sd", "poster": {"capture": 1},
                        "thumbnail": {"capture": 0.5, "scale": 0.25}%s}}
            """;

    private static LocalStack stack;
    private static ContractCheckingClient api;
    private static String owner;
    private static S3Client s3;
    private static DynamoDbRenders renders;
    private static DynamoDbAssets assets;
    private static String tempBucket;
    private static String hostingBucket;
    private static String cdnUrl;
    private static UUID hostedRender;
    private static UUID excludedRender;
    private static UUID imageRender;

    @BeforeAll
    static void renderTwoEditsThroughThePipeline() {
        stack = SharedStack.get();
        api = new ContractCheckingClient(stack.apiUrl());
        owner = stack.descriptor().owner();
        s3 = stack.services().s3();
        renders = new DynamoDbRenders(stack.services().dynamoDb(), stack.tableName("RendersTable"));
        assets = new DynamoDbAssets(stack.services().dynamoDb(), stack.tableName("AssetsTable"));
        Map<String, String> environment = stack.function("PromoteOutputFunction").definition().environment();
        hostingBucket = environment.get("HOSTING_BUCKET");
        // as the function sees it: the local distribution over plain HTTP
        cdnUrl = stack.descriptor().services().get("cdn").toString().replaceAll("/+$", "");
        tempBucket = stack.function("RenderWorkerFunction").definition().environment().get("TEMP_BUCKET");

        hostedRender = submit(Environment.STAGE, EDIT.formatted(""));
        excludedRender = submit(Environment.V1,
                EDIT.formatted(", \"destinations\": [{\"provider\": \"shotstack\", \"exclude\": true}]"));
        imageRender = submit(Environment.V1, """
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Still"}, "start": 0, "length": 1}]}]},
                 "output": {"format": "png", "resolution": "preview"}}
                """);
        awaitDone(Environment.STAGE, hostedRender);
        awaitDone(Environment.V1, excludedRender);
        awaitDone(Environment.V1, imageRender);
    }

    private static UUID submit(Environment environment, String edit) {
        ApiResponse response = api.post("/edit/" + environment.pathName() + "/render", key(environment), edit);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return UUID.fromString(response.body().path("response").path("id").asText());
    }

    private static String key(Environment environment) {
        return stack.descriptor().apiKey(environment);
    }

    private static void awaitDone(Environment environment, UUID id) {
        Instant deadline = Instant.now().plus(RENDER_TIMEOUT);
        JsonNode render;
        do {
            render = api.get("/edit/" + environment.pathName() + "/render/" + id, Map.of("data", "false"),
                    key(environment)).body().path("response");
            if (render.path("status").asText().equals("done")) {
                return;
            }
            assertThat(render.path("status").asText()).as(render.toString()).isNotEqualTo("failed");
            sleep(Duration.ofMillis(200));
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("render " + id + " did not finish: " + render);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An S3 ObjectCreated event as S3 sends it: one record per key, keys URL-encoded. */
    private static S3Event created(String... keys) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (String key : keys) {
            ObjectNode record = records.addObject();
            record.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", "us-east-1")
                    .put("eventTime", Instant.now().toString()).put("eventName", "ObjectCreated:Put");
            record.putObject("userIdentity").put("principalId", "AWS:AROAEXAMPLE:MediaConvert");
            record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
            record.putObject("responseElements").put("x-amz-request-id", "0123456789ABCDEF").put("x-amz-id-2", "example");
            ObjectNode s3Entity = record.putObject("s3");
            s3Entity.put("s3SchemaVersion", "1.0").put("configurationId", "OutputCreated");
            s3Entity.putObject("bucket").put("name", tempBucket).put("arn", "arn:aws:s3:::" + tempBucket)
                    .putObject("ownerIdentity").put("principalId", "EXAMPLE");
            s3Entity.putObject("object").put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"))
                    .put("size", 1).put("eTag", "0123456789abcdef0123456789abcdef").put("sequencer", "0055AED6DCD90281E5");
        }
        return LambdaJson.fromJson(Json.write(event), S3Event.class);
    }

    /** Polls the Serve API, as a user would, until the render lists {@code count} assets, all ready. */
    private static JsonNode awaitAssetsReady(Environment environment, UUID render, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode data = assetsOfRender(environment, render);
        while (!(data.size() == count && data.findValuesAsText("status").stream().allMatch("ready"::equals))
                && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
            data = assetsOfRender(environment, render);
        }
        return data;
    }

    private static String promote(S3Event event) {
        return String.valueOf(stack.function("PromoteOutputFunction").invoke(event));
    }

    private static List<String> outputsInTemporaryStorage(UUID render) {
        return s3.listObjectsV2(list -> list.bucket(tempBucket).prefix("renders/" + owner + "/" + render)).contents()
                .stream().map(S3Object::key).sorted().toList();
    }

    private static byte[] temporary(String key) {
        return s3.getObjectAsBytes(get -> get.bucket(tempBucket).key(key)).asByteArray();
    }

    private static Optional<byte[]> hosted(String owner, String filename) {
        try {
            return Optional.of(s3.getObjectAsBytes(get -> get.bucket(hostingBucket)
                    .key(S3HostedFiles.key(owner, filename))).asByteArray());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static JsonNode assetsOfRender(Environment environment, UUID render) {
        ApiResponse response = api.get("/serve/" + environment.pathName() + "/assets/render/" + render, key(environment));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().path("data");
    }

    /**
     * A render as the worker leaves it once encoding started: its outputs recorded; and those outputs written.
     * The outputs are written first and the stack's own S3 events for them have been handled (finding no render,
     * so promoting nothing) before the render is recorded: each test then drives the promotion with its own events.
     */
    private static UUID seededRender(boolean writeOutputs) {
        UUID id = UUID.randomUUID();
        String base = "renders/" + owner + "/" + id;
        if (writeOutputs) {
            s3.putObject(put -> put.bucket(tempBucket).key(base + ".mp4").contentType("video/mp4"),
                    RequestBody.fromString("video of " + id));
            s3.putObject(put -> put.bucket(tempBucket).key(base + "-poster.0000001.jpg").contentType("image/jpeg"),
                    RequestBody.fromString("poster of " + id));
            awaitStackEvents();
        }
        renders.add(new Render(id, owner, Environment.STAGE, RenderStatus.RENDERING, Json.object(), Instant.now(),
                Instant.now(), Optional.empty(), Optional.empty()));
        renders.recordOutputs(new RenderKey(owner, id), new RenderOutputs(base + ".mp4",
                Optional.of(base + "-poster.0000001.jpg"), Optional.empty(), true), Instant.now());
        return id;
    }

    private static void awaitStackEvents() {
        try {
            assertThat(stack.awaitAsyncInvocations(Duration.ofSeconds(30))).as("the stack's own events handled").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CdnHostedFiles hostedFiles() {
        return new CdnHostedFiles(new S3HostedFiles(s3, hostingBucket), CloudFrontInvalidations.ofHosting(
                new FunctionEnvironment(Map.of("AWS_REGION", StackIdentity.LOCAL.region(),
                        "AWS_ENDPOINT_URL_CLOUDFRONT", stack.services().endpoints().cloudFront().toString(),
                        "HOSTING_DISTRIBUTION_ID", stack.function("RemoveHostedFilesFunction").definition().environment()
                                .get("HOSTING_DISTRIBUTION_ID")), Clock.systemUTC())));
    }

    private static Asset asset(UUID render, String suffix) {
        return assets.find(owner, AssetId.of(render, render + suffix)).orElseThrow();
    }

    @Test
    void eachOutputOfARenderBecomesAReadyAssetOnTheCdnListedByItsRender() {
        List<String> written = outputsInTemporaryStorage(hostedRender);
        String base = "renders/" + owner + "/" + hostedRender;
        assertThat(written).as("MediaConvert's files, the captures' first frames among them").containsExactly(
                base + "-poster.0000000.jpg", base + "-poster.0000001.jpg", base + "-thumb.0000000.jpg",
                base + "-thumb.0000001.jpg", base + ".mp4");

        JsonNode data = awaitAssetsReady(Environment.STAGE, hostedRender, 3);
        // the stack's S3 events promoted them; a replay, last file first, each in its own event, changes nothing
        for (String key : written.reversed()) {
            assertThat(promote(created(key))).doesNotStartWith("promoted");
        }

        data = assetsOfRender(Environment.STAGE, hostedRender);
        assertThat(data.findValuesAsText("filename")).containsExactly(
                hostedRender + "-poster.jpg", hostedRender + "-thumb.jpg", hostedRender + ".mp4");
        assertThat(data.findValuesAsText("status")).containsOnly("ready");
        assertThat(data.findValuesAsText("url")).containsExactly(
                cdnUrl + "/" + owner + "/" + hostedRender + "-poster.jpg",
                cdnUrl + "/" + owner + "/" + hostedRender + "-thumb.jpg",
                cdnUrl + "/" + owner + "/" + hostedRender + ".mp4");
        assertThat(data.findValuesAsText("region")).containsOnly("us-east-1");
        assertThat(hosted(owner, hostedRender + ".mp4")).hasValue(temporary(base + ".mp4"));
        assertThat(hosted(owner, hostedRender + "-poster.jpg")).as("the frame at 1 s, not the first frame")
                .hasValue(temporary(base + "-poster.0000001.jpg"));
        assertThat(hosted(owner, hostedRender + "-thumb.jpg")).hasValue(temporary(base + "-thumb.0000001.jpg"));
        ApiResponse one = api.get("/serve/stage/assets/" + data.get(2).at("/attributes/id").asText(),
                key(Environment.STAGE));
        assertThat(one.body().at("/data/attributes/url").asText()).isEqualTo(cdnUrl + "/" + owner + "/" + hostedRender + ".mp4");
    }

    @Test
    void anImageOutputIsHostedToo() {
        String key = "renders/" + owner + "/" + imageRender + ".png";
        assertThat(outputsInTemporaryStorage(imageRender)).containsExactly(key);

        JsonNode data = awaitAssetsReady(Environment.V1, imageRender, 1);
        assertThat(data.findValuesAsText("filename")).containsExactly(imageRender + ".png");
        assertThat(data.findValuesAsText("status")).containsExactly("ready");
        assertThat(hosted(owner, imageRender + ".png")).hasValue(temporary(key));
    }

    @Test
    void aRenderThatExcludesTheHostingDestinationGetsNoAsset() {
        List<String> written = outputsInTemporaryStorage(excludedRender);
        assertThat(written).hasSize(5);

        for (String key : written) {
            assertThat(promote(created(key))).startsWith(key.contains(".0000000.") ? "ignored" : "skipped");
        }

        assertThat(assetsOfRender(Environment.V1, excludedRender)).isEmpty();
        assertThat(s3.listObjectsV2(list -> list.bucket(hostingBucket).prefix(owner + "/" + excludedRender))
                .contents()).isEmpty();
    }

    @Test
    void theSameEventTwiceMakesOneAsset() {
        UUID render = seededRender(true);
        S3Event event = created("renders/" + owner + "/" + render + ".mp4");

        String first = promote(event);
        Asset afterFirst = asset(render, ".mp4");
        String second = promote(event);

        assertThat(first).startsWith("promoted");
        assertThat(second).startsWith("already finished");
        assertThat(assets.findForRender(owner, render)).containsExactly(afterFirst);
        assertThat(afterFirst.status()).isEqualTo(AssetStatus.READY);
    }

    @Test
    void aPosterBeforeItsVideoAndAnOldEventAfterADeleteLeaveOneAssetPerOutputAndTheDeletedOneDeleted() {
        UUID render = seededRender(true);
        S3Event poster = created("renders/" + owner + "/" + render + "-poster.0000001.jpg");
        S3Event video = created("renders/" + owner + "/" + render + ".mp4");
        promote(poster);
        promote(video);
        Asset posterAsset = asset(render, "-poster.jpg");
        assertThat(api.delete("/serve/stage/assets/" + posterAsset.id(), key(Environment.STAGE)).status()).isEqualTo(204);

        String replayed = promote(poster);

        assertThat(replayed).startsWith("already finished");
        JsonNode data = assetsOfRender(Environment.STAGE, render);
        assertThat(data.findValuesAsText("filename")).containsExactly(render + "-poster.jpg", render + ".mp4");
        assertThat(data.findValuesAsText("status")).containsExactly("deleted", "ready");
        Eventually.holds("the deleted poster's file is removed", () -> hosted(owner, render + "-poster.jpg").isEmpty());
        assertThat(hosted(owner, render + ".mp4")).isPresent();
    }

    @Test
    void aCopyThatFailsOnceIsFinishedByTheRedeliveredEventWithoutLosingTheOtherOutputs() {
        UUID render = seededRender(true);
        String videoKey = "renders/" + owner + "/" + render + ".mp4";
        String posterKey = "renders/" + owner + "/" + render + "-poster.0000001.jpg";
        FailingOnceCopier copier = new FailingOnceCopier(new S3HostingCopier(s3, hostingBucket), videoKey);
        PromoteOutputFunction function = new PromoteOutputFunction(new PromoteOutput(renders, assets, copier,
                hostedFiles(), new DynamoDbVideos(stack.services().dynamoDb(), stack.tableName("VideosTable")),
                Clock.systemUTC(), new PromoteOutput.Hosting("us-east-1", cdnUrl)),
                new DeliverOutput(renders, new S3DestinationCopier(s3, BucketGrants.NONE, (role, owner, region) -> s3)));
        S3Event both = created(videoKey, posterKey);

        assertThatThrownBy(() -> function.handleRequest(both, context()))
                .isInstanceOf(HostingCopyFailedException.class);
        assertThat(asset(render, ".mp4").status()).as("left for the retry").isEqualTo(AssetStatus.IMPORTING);
        assertThat(asset(render, "-poster.jpg").status()).as("the other record was not lost").isEqualTo(AssetStatus.READY);

        String redelivered = function.handleRequest(both, context());

        assertThat(redelivered).startsWith("promoted").contains("; already finished");
        assertThat(assets.findForRender(owner, render)).extracting(Asset::status)
                .containsExactly(AssetStatus.READY, AssetStatus.READY);
        assertThat(asset(render, ".mp4").url()).contains(cdnUrl + "/" + owner + "/" + render + ".mp4");
        assertThat(hosted(owner, render + ".mp4")).hasValueSatisfying(bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("video of " + render));
        assertThat(copier.asked).as("the poster is not copied again").containsExactly(videoKey, posterKey, videoKey);
    }

    @Test
    void aMissingOutputFailsItsAssetWithAnErrorNamingTheFile() {
        UUID render = seededRender(false);

        String result = promote(created("renders/" + owner + "/" + render + ".mp4"));

        assertThat(result).startsWith("failed");
        Asset failed = asset(render, ".mp4");
        assertThat(failed.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(failed.error()).hasValueSatisfying(error -> assertThat(error).contains(render + ".mp4"));
        assertThat(assetsOfRender(Environment.STAGE, render).findValuesAsText("status")).containsExactly("failed");
    }

    @Test
    void theSweeperFailsAnAssetStuckImportingAndLeavesTheOthers() {
        UUID render = seededRender(true);
        Asset stuck = Asset.importing(owner, Environment.STAGE, "us-east-1", render, render + ".mp4",
                Instant.now().minus(Duration.ofHours(2)));
        Asset recent = Asset.importing(owner, Environment.STAGE, "us-east-1", render, render + "-poster.jpg",
                Instant.now().minus(Duration.ofMinutes(1)));
        assets.begin(stuck);
        assets.begin(recent);
        Asset recentStored = assets.find(owner, recent.id()).orElseThrow();
        UUID readyRender = seededRender(true);
        promote(created("renders/" + owner + "/" + readyRender + ".mp4"));
        Asset ready = asset(readyRender, ".mp4");

        Object result = stack.function("AssetSweeperFunction").invoke(new ScheduledEvent());

        assertThat(String.valueOf(result)).startsWith("failed ");
        assertThat(asset(render, ".mp4").status()).isEqualTo(AssetStatus.FAILED);
        assertThat(asset(render, ".mp4").error()).hasValueSatisfying(error ->
                assertThat(error).startsWith("hosting did not finish"));
        assertThat(asset(render, "-poster.jpg")).isEqualTo(recentStored);
        assertThat(asset(readyRender, ".mp4")).isEqualTo(ready);
        assertThat(ready.status()).isEqualTo(AssetStatus.READY);
    }

    private static LocalContext context() {
        return new LocalContext(UUID.randomUUID().toString(), "PromoteOutputFunction", "arn:aws:lambda:us-east-1:"
                + "000000000000:function:PromoteOutputFunction", 1024, System.nanoTime() + Duration.ofMinutes(1).toNanos(),
                line -> {});
    }
}
