package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbDownloadables;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.AssetId;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.video.download.DownloadFormat;
import dev.reelforge.core.video.download.Downloadable;
import dev.reelforge.core.video.download.DownloadableKey;
import dev.reelforge.core.video.download.DownloadableStatus;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.ibm.IbmHttp;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Seed 001 on the embedded stack, through HTTP with IBM's bearer tokens: a render's hosted MP4 is a video; POST asks
 * for its MP4 or FLV and answers at once, the videos flow makes the file from the downloadables' stream, GET answers
 * it available with a signed URL of the temporary distribution that serves the file for 24 hours by the stack's clock,
 * and not after. The files are probed with ffmpeg against the hosted video. A stack of its own, since the last tests
 * move its clock a day ahead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DownloadablesIT {

    private static final Duration ASSET_TIMEOUT = Duration.ofSeconds(30);
    private static final Offset<Double> SAME_DURATION = Offset.offset(0.05);

    private static RenderTestStack stack;
    /** One render's hosted MP4, for everything but the deletion; and another's, deleted by its test. */
    private static Video video;
    private static Video deletedVideo;
    private static String token;
    @TempDir
    static Path downloads;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A video as the Videos API sees it: its id (the asset's), the render it came from, its CDN URL. */
    private record Video(String id, String renderId, URI cdnUrl) {}

    @BeforeAll
    static void renderTwoVideos() {
        stack = RenderTestStack.start();
        token = IbmHttp.accessToken(stack.stack(), Environment.STAGE);
        Path clip = stack.media().video("downloadable-clip.mp4", 640, 360, 3, 440);
        String edit = """
                {"timeline": {"tracks": [{"clips": [
                   {"asset": {"type": "video", "src": "%s"}, "start": 0, "length": 3}]}]},
                 "output": {"format": "mp4", "resolution": "sd"}}
                """.formatted(stack.url(clip));
        video = hostedVideo(stack.render(Environment.STAGE, edit).render().path("id").asText());
        deletedVideo = hostedVideo(stack.render(Environment.STAGE, edit).render().path("id").asText());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /** Waits for the render's MP4 to be hosted (a ready asset): then it is a video. */
    private static Video hostedVideo(String renderId) {
        String assetId = AssetId.of(UUID.fromString(renderId), renderId + ".mp4").toString();
        Instant deadline = Instant.now().plus(ASSET_TIMEOUT);
        while (true) {
            ApiResponse asset = stack.api().get("/serve/stage/assets/" + assetId, stack.key(Environment.STAGE));
            if (asset.status() == 200 && asset.body().at("/data/attributes/status").asText().equals("ready")) {
                return new Video(assetId, renderId, URI.create(asset.body().at("/data/attributes/url").asText()));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the video of render " + renderId + " is not hosted: " + asset.body());
            }
            RenderTestStack.sleep(Duration.ofMillis(100));
        }
    }

    private static String path(String videoId, String format) {
        return "/videos/" + videoId + "/downloadable/" + format;
    }

    private static IbmHttp.Response post(String videoId, String format, String accessToken) {
        return IbmHttp.post(stack.stack(), path(videoId, format), accessToken, "");
    }

    private static IbmHttp.Response get(String videoId, String format, String accessToken) {
        return IbmHttp.get(stack.stack(), path(videoId, format), accessToken);
    }

    /** Polls GET until the downloadable is no longer pending; returns its {@code downloadable}. */
    private static JsonNode awaitAvailable(String videoId, String format) {
        Instant deadline = Instant.now().plus(ASSET_TIMEOUT);
        while (true) {
            IbmHttp.Response response = get(videoId, format, token);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            JsonNode downloadable = response.body().path("downloadable");
            if (downloadable.path("status").asText().equals("available")) {
                return downloadable;
            }
            assertThat(downloadable.path("status").asText()).as("while being made").isEqualTo("pending");
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(format + " of video " + videoId + " is still pending; the stack's last words: "
                        + stack.lastLogLines(30));
            }
            RenderTestStack.sleep(Duration.ofMillis(100));
        }
    }

    private static DynamoDbDownloadables table() {
        return new DynamoDbDownloadables(stack.stack().services().dynamoDb(),
                stack.stack().tableName("DownloadablesTable"));
    }

    private static Downloadable record(String videoId, DownloadFormat format) {
        return table().find(new DownloadableKey(stack.owner(), UUID.fromString(videoId), format)).orElseThrow();
    }

    private static String tempBucket() {
        return stack.stack().function("PrepareMp4DownloadFunction").definition().environment().get("TEMP_BUCKET");
    }

    /** The keys of the video's download files in the temporary bucket. */
    private static List<String> files(String videoId) {
        return stack.stack().services().s3().listObjectsV2(list -> list.bucket(tempBucket())
                        .prefix("renders/" + stack.owner() + "/downloads/" + videoId + "-"))
                .contents().stream().map(S3Object::key).sorted().toList();
    }

    /** The downloadables stream's record of a pending generation, as the makers receive it. */
    private static Object pendingRecord(LocalFunction function, String videoId, DownloadFormat format, long generation) {
        String json = """
                {"Records": [{"eventID": "%s", "eventName": "MODIFY", "eventVersion": "1.1", "eventSource": "aws:dynamodb",
                  "awsRegion": "us-east-1",
                  "dynamodb": {"Keys": {"owner": {"S": "%s"}, "id": {"S": "%s#%s"}},
                    "NewImage": {"owner": {"S": "%s"}, "id": {"S": "%s#%s"}, "environment": {"S": "stage"},
                      "videoId": {"S": "%s"}, "format": {"S": "%s"}, "status": {"S": "pending"},
                      "generation": {"N": "%d"}, "pending": {"S": "1"}},
                    "SequenceNumber": "%d", "SizeBytes": 200, "StreamViewType": "NEW_IMAGE"},
                  "eventSourceARN": "arn:aws:dynamodb:us-east-1:000000000000:table/downloadables/stream/x"}]}
                """.formatted(UUID.randomUUID(), stack.owner(), videoId, format.wireName(), stack.owner(), videoId,
                format.wireName(), videoId, format.wireName(), generation, System.nanoTime());
        return LambdaJson.fromJson(json, function.eventType());
    }

    private static void invokeWith(String logicalId, String videoId, DownloadFormat format, long generation) {
        LocalFunction function = stack.stack().function(logicalId);
        JsonNode result = readJson(LambdaJson.toJson(function.invoke(pendingRecord(function, videoId, format,
                generation))));
        assertThat(result.path("batchItemFailures")).as(result.toString()).isEmpty();
    }

    private static JsonNode readJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<Path> download(String url, String name) {
        assertThat(URI.create(url).getHost()).as("served on loopback: %s", url).isEqualTo("127.0.0.1");
        try {
            Path directory = Files.createTempDirectory(downloads, "download-");
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(directory.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The hosted video's duration as a player reads it from the CDN. */
    private static double hostedDuration(Video hostedVideo) {
        return stack.playback().durationAt(hostedVideo.cdnUrl());
    }

    @Test
    @Order(1)
    void beforeAnyRequestADownloadableIsUnavailableWithNulls() {
        IbmHttp.Response response = get(video.id(), "flv.json", token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo(readJson(
                "{\"downloadable\": {\"status\": \"unavailable\", \"download_url\": null, \"expires_at\": null}}"));
    }

    @Test
    @Order(2)
    void theMp4IsTheHostedVideoCopiedAvailableForADayAsAnAttachment() throws IOException {
        long before = stack.stack().clock().instant().getEpochSecond();
        IbmHttp.Response requested = post(video.id(), "mp4.json", token);

        assertThat(requested.status()).as(requested.text()).isEqualTo(200);
        JsonNode answered = requested.body().path("downloadable");
        assertThat(answered.path("status").asText()).isIn("pending", "available");
        if (answered.path("status").asText().equals("pending")) {
            assertThat(answered.path("download_url").isNull()).isTrue();
            assertThat(answered.path("expires_at").isNull()).isTrue();
        }
        JsonNode available = awaitAvailable(video.id(), "mp4.json");
        long after = stack.stack().clock().instant().getEpochSecond();

        Downloadable stored = record(video.id(), DownloadFormat.MP4);
        long expiresAt = available.path("expires_at").asLong();
        assertThat(expiresAt).as("24 hours after it became available")
                .isEqualTo(stored.availableAt().orElseThrow().plus(Duration.ofHours(24)).getEpochSecond())
                .isBetween(before + 86_400, after + 86_400);
        HttpResponse<Path> file = download(available.path("download_url").asText(), "download.mp4");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(file.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"" + video.id() + ".mp4\"");
        HttpResponse<Path> hostedFile = download(video.cdnUrl().toString(), "hosted.mp4");
        assertThat(Files.readAllBytes(file.body())).as("the hosted file itself")
                .isEqualTo(Files.readAllBytes(hostedFile.body()));
        MediaInfo probed = stack.playback().probe(file.body());
        assertThat(probed.video().orElseThrow().codec()).isEqualTo("h264");
        assertThat(probed.video().orElseThrow().width()).isEqualTo(1024);
        assertThat(probed.audio().orElseThrow().codec()).isEqualTo("aac");
        assertThat(stack.playback().duration(file.body())).isCloseTo(hostedDuration(video),
                SAME_DURATION);
    }

    @Test
    @Order(3)
    void theFlvHasTheHostedVideosStreamsRemuxedAndItsDuration() {
        IbmHttp.Response requested = post(video.id(), "flv.json", token);

        assertThat(requested.status()).as(requested.text()).isEqualTo(200);
        assertThat(requested.body().at("/downloadable/status").asText()).isEqualTo("pending");
        IbmHttp.Response again = post(video.id(), "flv.json", token);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().at("/downloadable/status").asText()).as("a second POST right away")
                .isIn("pending", "available");
        JsonNode available = awaitAvailable(video.id(), "flv.json");
        assertThat(record(video.id(), DownloadFormat.FLV).generation()).as("one file was made").isEqualTo(1);
        HttpResponse<Path> file = download(available.path("download_url").asText(), "download.flv");

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("video/x-flv");
        assertThat(file.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"" + video.id() + ".flv\"");
        assertThat(stack.playback().container(file.body())).isEqualTo("flv");
        HttpResponse<Path> hostedFile = download(video.cdnUrl().toString(), "hosted.mp4");
        MediaInfo hostedInfo = stack.playback().probe(hostedFile.body());
        MediaInfo probed = stack.playback().probe(file.body());
        assertThat(probed.video()).as("the same H.264 picture, copied").isEqualTo(hostedInfo.video());
        assertThat(probed.audio()).as("the same AAC sound, copied").isEqualTo(hostedInfo.audio());
        assertThat(stack.playback().frameCount(file.body())).as("every frame")
                .isEqualTo(stack.playback().frameCount(hostedFile.body()));
        assertThat(stack.playback().span(file.body())).as("from its first timestamp to its end")
                .isCloseTo(hostedDuration(video), SAME_DURATION);
        assertThat(available.path("expires_at").asLong()).isEqualTo(record(video.id(), DownloadFormat.FLV)
                .availableAt().orElseThrow().plus(Duration.ofHours(24)).getEpochSecond());
    }

    @Test
    @Order(4)
    void aSecondRequestWhileAvailableChangesNothingAndAnswersTheSame() {
        JsonNode available = awaitAvailable(video.id(), "mp4.json");
        Downloadable before = record(video.id(), DownloadFormat.MP4);

        IbmHttp.Response again = post(video.id(), "mp4.json", token);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("downloadable")).isEqualTo(available);
        assertThat(record(video.id(), DownloadFormat.MP4)).isEqualTo(before);
        assertThat(files(video.id())).containsExactly("renders/" + stack.owner() + "/downloads/" + video.id()
                + "-1.flv", "renders/" + stack.owner() + "/downloads/" + video.id() + "-1.mp4");
    }

    @Test
    @Order(5)
    void aRepeatedStreamEventMakesNoSecondFileAndChangesNothing() {
        Downloadable mp4 = record(video.id(), DownloadFormat.MP4);
        Downloadable flv = record(video.id(), DownloadFormat.FLV);
        List<String> files = files(video.id());

        invokeWith("PrepareMp4DownloadFunction", video.id(), DownloadFormat.MP4, 1);
        invokeWith("PrepareMp4DownloadFunction", video.id(), DownloadFormat.MP4, 1);
        invokeWith("MakeFlvDownloadFunction", video.id(), DownloadFormat.FLV, 1);
        invokeWith("MakeFlvDownloadFunction", video.id(), DownloadFormat.FLV, 1);

        assertThat(record(video.id(), DownloadFormat.MP4)).isEqualTo(mp4);
        assertThat(record(video.id(), DownloadFormat.FLV)).isEqualTo(flv);
        assertThat(files(video.id())).isEqualTo(files);
    }

    @Test
    @Order(6)
    void anotherOwnersTokenNeverSeesOrChangesItAndOtherPathsAreNotFound() {
        IbmHttp.Owner other = IbmHttp.anotherOwner(stack.stack());
        String othersToken = IbmHttp.accessToken(stack.stack(), other, Environment.STAGE);
        Downloadable before = record(video.id(), DownloadFormat.MP4);
        IbmHttp.Response unknown = get(UUID.randomUUID().toString(), "mp4.json", token);

        for (IbmHttp.Response response : List.of(get(video.id(), "mp4.json", othersToken),
                post(video.id(), "mp4.json", othersToken), post(video.id(), "flv.json", othersToken))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).as("exactly as an unknown video").isEqualTo(unknown.body());
        }
        assertThat(unknown.body().path("error").asText()).isEqualTo("not_found");
        assertThat(record(video.id(), DownloadFormat.MP4)).isEqualTo(before);
        assertThat(table().findForVideo(other.owner(), UUID.fromString(video.id()))).isEmpty();
        String v1Token = IbmHttp.accessToken(stack.stack(), Environment.V1);
        assertThat(get(video.id(), "mp4.json", v1Token).status()).as("another environment's").isEqualTo(404);
        for (String format : List.of("avi.json", "mp4", "MP4.json", "flv.json.json", "mp4.xml")) {
            IbmHttp.Response response = get(video.id(), format, token);
            assertThat(response.status()).as(format).isEqualTo(404);
            assertThat(response.body().path("error").asText()).isEqualTo("not_found");
        }
        assertThat(post(video.id() + ".json", "mp4.json", token).status()).as("an id with a suffix").isEqualTo(404);
        IbmHttp.Response withApiKey = IbmHttp.send(stack.stack(), "GET", path(video.id(), "mp4.json"),
                Map.of("x-api-key", stack.key(Environment.STAGE)), Optional.empty());
        assertThat(withApiKey.status()).as("the Shotstack face's key").isEqualTo(401);
        assertThat(withApiKey.body().path("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    @Order(7)
    void deletingTheVideoRemovesItsDownloadsFilesAndRecords() {
        post(deletedVideo.id(), "mp4.json", token);
        post(deletedVideo.id(), "flv.json", token);
        String mp4Url = awaitAvailable(deletedVideo.id(), "mp4.json").path("download_url").asText();
        String flvUrl = awaitAvailable(deletedVideo.id(), "flv.json").path("download_url").asText();
        assertThat(status(mp4Url)).isEqualTo(200);
        assertThat(files(deletedVideo.id())).hasSize(2);

        ApiResponse deleted = stack.api().delete("/serve/stage/assets/" + deletedVideo.id(), stack.key(Environment.STAGE));

        assertThat(deleted.status()).isEqualTo(204);
        Eventually.holds("the deleted video's download files are removed", () -> files(deletedVideo.id()).isEmpty());
        assertThat(status(mp4Url)).as("the MP4's URL").isEqualTo(403);
        assertThat(status(flvUrl)).as("the FLV's URL").isEqualTo(403);
        assertThat(record(deletedVideo.id(), DownloadFormat.MP4).status()).isEqualTo(DownloadableStatus.REMOVED);
        assertThat(record(deletedVideo.id(), DownloadFormat.FLV).status()).isEqualTo(DownloadableStatus.REMOVED);
        assertThat(get(deletedVideo.id(), "mp4.json", token).status()).as("a deleted video").isEqualTo(404);
        assertThat(post(deletedVideo.id(), "flv.json", token).status()).isEqualTo(404);
    }

    @Test
    @Order(8)
    void aDownloadableWhoseEventWasLostIsFailedByTheSweepAndCanBeRequestedAgain() {
        // a pending record without the attribute the makers' stream filter matches: as if its stream record was lost
        String requested = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)
                .format(stack.stack().clock().instant());
        stack.stack().services().dynamoDb().putItem(put -> put.tableName(stack.stack().tableName("DownloadablesTable"))
                .item(Map.of("owner", s(stack.owner()), "id", s(video.id() + "#flv"), "environment", s("stage"),
                        "videoId", s(video.id()), "status", s("pending"), "generation", AttributeValue.fromN("2"),
                        "requested", s(requested), "updated", s(requested), "pending", s("1"))));
        assertThat(get(video.id(), "flv.json", token).body().at("/downloadable/status").asText()).isEqualTo("pending");

        stack.stack().clock().advance(Duration.ofMinutes(16));

        Eventually.holds("the sweep fails it", () -> record(video.id(), DownloadFormat.FLV).status()
                == DownloadableStatus.FAILED);
        assertThat(get(video.id(), "flv.json", token).body().at("/downloadable/status").asText())
                .isEqualTo("unavailable");
        assertThat(post(video.id(), "flv.json", token).body().at("/downloadable/status").asText())
                .isEqualTo("pending");
        awaitAvailable(video.id(), "flv.json");
        assertThat(record(video.id(), DownloadFormat.FLV).generation()).isEqualTo(3);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Test
    @Order(9)
    void afterItsDayADownloadIsUnavailableItsUrlServesNoMoreAndARequestMakesANewOne() {
        JsonNode available = awaitAvailable(video.id(), "mp4.json");
        String url = available.path("download_url").asText();
        Instant expiresAt = Instant.ofEpochSecond(available.path("expires_at").asLong());
        String firstFile = "renders/" + stack.owner() + "/downloads/" + video.id() + "-1.mp4";

        stack.stack().clock().advance(Duration.between(stack.stack().clock().instant(), expiresAt).minusSeconds(30));
        token = IbmHttp.accessToken(stack.stack(), Environment.STAGE);
        assertThat(get(video.id(), "mp4.json", token).body().path("downloadable")).as("30 s before expires_at")
                .isEqualTo(available);
        assertThat(status(url)).isEqualTo(200);

        stack.stack().clock().advance(Duration.ofSeconds(31));
        IbmHttp.Response expired = get(video.id(), "mp4.json", token);
        assertThat(expired.body()).as("at expires_at").isEqualTo(readJson(
                "{\"downloadable\": {\"status\": \"unavailable\", \"download_url\": null, \"expires_at\": null}}"));
        assertThat(status(url)).as("its URL after expires_at").isEqualTo(403);

        IbmHttp.Response renewed = post(video.id(), "mp4.json", token);
        assertThat(renewed.body().at("/downloadable/status").asText()).isEqualTo("pending");
        JsonNode again = awaitAvailable(video.id(), "mp4.json");
        assertThat(record(video.id(), DownloadFormat.MP4).generation()).isEqualTo(2);
        assertThat(again.path("download_url").asText()).isNotEqualTo(url);
        assertThat(status(again.path("download_url").asText())).isEqualTo(200);

        // the first generation's event, arriving late, changes nothing
        Downloadable second = record(video.id(), DownloadFormat.MP4);
        invokeWith("PrepareMp4DownloadFunction", video.id(), DownloadFormat.MP4, 1);
        assertThat(record(video.id(), DownloadFormat.MP4)).isEqualTo(second);

        // the temporary bucket's lifecycle rule removes the first file within the next day
        stack.stack().clock().advance(Duration.ofHours(24));
        assertThat(files(video.id())).doesNotContain(firstFile);
    }
}
