package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.AssetId;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.RenderOutputs;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.core.video.ChannelId;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.contract.ContractCheckingClient;
import dev.reelforge.local.ibm.IbmHttp;
import dev.reelforge.local.ibm.IbmHttp.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The Videos API's video, channel and expiration routes, through HTTP on the embedded stack with bearer tokens taken
 * from {@code POST /oauth2/token}. Videos are made by the real hosting flow: a render's outputs are recorded and its
 * MP4 written to the temporary bucket, which the stack's S3 notification hands to PromoteOutputFunction (no ffmpeg
 * render, so these tests stay quick; VideoExpirationIT makes a real one).
 */
class VideosApiIT {

    private static final String FAKE_MP4 = "not a real MP4, but its bytes are counted: ";

    private static LocalStack stack;
    private static String owner;
    private static String stageToken;
    private static String v1Token;
    private static IbmHttp.Owner other;
    private static String othersToken;
    private static DynamoDbRenders renders;
    private static String tempBucket;
    private static String hostingBucket;

    @BeforeAll
    static void startStack() {
        stack = SharedStack.get();
        owner = stack.descriptor().owner();
        stageToken = IbmHttp.accessToken(stack, Environment.STAGE);
        v1Token = IbmHttp.accessToken(stack, Environment.V1);
        other = IbmHttp.anotherOwner(stack);
        othersToken = IbmHttp.accessToken(stack, other, Environment.STAGE);
        renders = new DynamoDbRenders(stack.services().dynamoDb(), stack.tableName("RendersTable"));
        tempBucket = stack.function("RenderWorkerFunction").definition().environment().get("TEMP_BUCKET");
        hostingBucket = stack.function("RemoveHostedFilesFunction").definition().environment().get("HOSTING_BUCKET");
    }

    /** A render's hosted MP4, made by the hosting flow; its length reported unless {@code length} is empty. */
    private record Hosted(UUID id, UUID renderId, String owner, int bytes) {}

    private static Hosted hostedVideo(String owner, Environment environment, String token, Optional<Double> length,
            boolean thumbnail) {
        UUID renderId = UUID.randomUUID();
        RenderKey key = new RenderKey(owner, renderId);
        String base = "renders/" + owner + "/" + renderId;
        renders.add(new Render(renderId, owner, environment, RenderStatus.RENDERING, Json.object(), Instant.now(),
                Instant.now(), Optional.empty(), Optional.empty()));
        renders.recordOutputs(key, new RenderOutputs(base + ".mp4", Optional.empty(),
                thumbnail ? Optional.of(base + "-thumb.0000001.jpg") : Optional.empty(), true), Instant.now());
        length.ifPresent(seconds -> renders.complete(key, new RenderResult("https://temporary.example/" + base + ".mp4",
                Optional.empty(), Optional.empty(), seconds, 1000), Instant.now()));
        if (thumbnail) {
            stack.services().s3().putObject(put -> put.bucket(tempBucket).key(base + "-thumb.0000001.jpg")
                    .contentType("image/jpeg"), RequestBody.fromString("a thumbnail"));
        }
        String content = FAKE_MP4 + renderId;
        stack.services().s3().putObject(put -> put.bucket(tempBucket).key(base + ".mp4").contentType("video/mp4"),
                RequestBody.fromString(content));
        UUID id = AssetId.of(renderId, renderId + ".mp4");
        Eventually.holds("the hosting flow made video " + id,
                () -> IbmHttp.get(stack, "/videos/" + id + ".json", token).status() == 200);
        if (thumbnail) {
            Eventually.holds("its thumbnail is hosted", () -> IbmHttp.get(stack, "/videos/" + id + ".json", token)
                    .body().at("/video/thumbnail/default").isTextual());
        }
        return new Hosted(id, renderId, owner, content.length());
    }

    private static Hosted hostedVideo() {
        return hostedVideo(owner, Environment.STAGE, stageToken, Optional.of(2.5), false);
    }

    private static JsonNode video(Hosted video, String token) {
        Response response = IbmHttp.get(stack, "/videos/" + video.id() + ".json", token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body().path("video");
    }

    private static void assertError(Response response, int status, String error, String hintMentions) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        assertThat(response.body().path("error").asText()).as(response.text()).isEqualTo(error);
        assertThat(response.body().path("hint").asText()).as(response.text()).contains(hintMentions);
    }

    private static JsonNode serveAsset(UUID id, Environment environment) {
        ContractCheckingClient.ApiResponse response = new ContractCheckingClient(stack.apiUrl())
                .get("/serve/" + environment.pathName() + "/assets/" + id, stack.descriptor().apiKey(environment));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().at("/data/attributes");
    }

    private static boolean isHosted(Hosted video) {
        try {
            stack.services().s3().headObject(head -> head.bucket(hostingBucket)
                    .key(S3HostedFiles.key(video.owner(), video.renderId() + ".mp4")));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The path and query of a link the API answered, asked of the same stack. */
    private static String pathOf(String link) {
        URI uri = URI.create(link);
        assertThat(uri.getScheme() + "://" + uri.getAuthority()).as(link).isEqualTo(stack.apiUrl().toString());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void aRendersHostedMp4IsAVideoWhoseFieldsAreTheAssetsAndTheRenders() {
        Hosted hosted = hostedVideo(owner, Environment.STAGE, stageToken, Optional.of(2.5), true);

        JsonNode video = video(hosted, stageToken);

        JsonNode asset = serveAsset(hosted.id(), Environment.STAGE);
        String channel = ChannelId.of(owner, Environment.STAGE);
        assertThat(video.path("id").asText()).isEqualTo(hosted.id().toString()).isEqualTo(asset.path("id").asText());
        assertThat(video.path("title").asText()).isEqualTo(hosted.renderId() + ".mp4");
        assertThat(video.path("description").asText()).isEmpty();
        assertThat(video.path("url").asText()).isEqualTo(asset.path("url").asText());
        assertThat(video.path("length").asText()).isEqualTo("2.5");
        assertThat(video.path("file_size").isTextual()).isTrue();
        assertThat(video.path("file_size").asText()).isEqualTo(Integer.toString(hosted.bytes()));
        assertThat(stack.services().s3().headObject(head -> head.bucket(hostingBucket)
                .key(S3HostedFiles.key(owner, hosted.renderId() + ".mp4"))).contentLength()).isEqualTo(hosted.bytes());
        assertThat(video.path("created_at").isIntegralNumber()).isTrue();
        assertThat(video.path("added_at").asLong()).isEqualTo(video.path("created_at").asLong())
                .isBetween(Instant.parse(asset.path("created").asText()).getEpochSecond(),
                        stack.clock().instant().getEpochSecond());
        assertThat(video.path("protect").asText()).isEqualTo("public");
        assertThat(video.at("/thumbnail/default").asText()).endsWith("/" + owner + "/" + hosted.renderId() + "-thumb.jpg");
        assertThat(video.at("/owner/id").asText()).isEqualTo(owner);
        assertThat(video.at("/links/channel/id").asText()).isEqualTo(channel);
        assertThat(video.has("views")).as("views are not counted").isFalse();
        Response channelResponse = IbmHttp.get(stack, pathOf(video.at("/links/channel/href").asText()), stageToken);
        assertThat(channelResponse.status()).isEqualTo(200);
        assertThat(channelResponse.body().at("/channel/id").asText()).isEqualTo(channel);
        assertThat(channelResponse.body().at("/channel/owner/id").asText()).isEqualTo(owner);
    }

    @Test
    void aVideoHostedBeforeItsRenderEndedHasItsLengthOnceTheRenderReportsIt() {
        Hosted hosted = hostedVideo(owner, Environment.STAGE, stageToken, Optional.empty(), false);
        assertThat(video(hosted, stageToken).has("length")).as("no length is made up").isFalse();
        assertThat(video(hosted, stageToken).has("thumbnail")).as("the render has no captures").isFalse();

        renders.complete(new RenderKey(owner, hosted.renderId()), new RenderResult("https://temporary.example/x.mp4",
                Optional.empty(), Optional.empty(), 4.04, 1000), Instant.now());

        assertThat(video(hosted, stageToken).path("length").asText()).isEqualTo("4.04");
    }

    @Test
    void putChangesTheTitleAndDescriptionFormEncodedOrJsonAndAnswersTheVideo() {
        Hosted hosted = hostedVideo();

        Response form = IbmHttp.put(stack, "/videos/" + hosted.id() + ".json", stageToken,
                IbmHttp.form(Map.of("title", "Launch day", "protect", "public")));
        Response json = IbmHttp.send(stack, "PUT", "/videos/" + hosted.id() + ".json",
                Map.of("Authorization", "Bearer " + stageToken, "Content-Type", "application/json"),
                Optional.of("{\"description\": \"Cut 2, with \\\"quotes\\\"\\nand a line break\"}"));

        assertThat(form.status()).as(form.text()).isEqualTo(200);
        assertThat(form.body().at("/video/title").asText()).isEqualTo("Launch day");
        assertThat(json.status()).as(json.text()).isEqualTo(200);
        JsonNode video = video(hosted, stageToken);
        assertThat(video.path("title").asText()).isEqualTo("Launch day");
        assertThat(video.path("description").asText()).isEqualTo("Cut 2, with \"quotes\"\nand a line break");
        assertThat(json.body().path("video")).isEqualTo(video);
    }

    @Test
    void badChangesAre400InvalidValueNamingTheFieldAndChangeNothing() {
        Hosted hosted = hostedVideo();
        String path = "/videos/" + hosted.id() + ".json";

        assertError(IbmHttp.put(stack, path, stageToken, "protect=private"), 400, "invalid_value", "protect");
        assertError(IbmHttp.put(stack, path, stageToken, "protect=secret"), 400, "invalid_value", "protect");
        assertError(IbmHttp.put(stack, path, stageToken, "title=x&views=100"), 400, "invalid_value", "\"views\"");
        assertError(IbmHttp.put(stack, path, stageToken, "title=%20%20"), 400, "invalid_value", "title");
        assertError(IbmHttp.put(stack, path, stageToken, "title=" + "t".repeat(251)), 400, "invalid_value", "title");
        assertError(IbmHttp.put(stack, path, stageToken, "description=bell%07"), 400, "invalid_value", "description");
        assertError(IbmHttp.put(stack, path, stageToken, "title=a&title=b"), 400, "invalid_value", "\"title\"");
        assertError(IbmHttp.put(stack, path, stageToken, "title=%zz"), 400, "invalid_value", "%-escape");

        assertThat(video(hosted, stageToken).path("title").asText()).isEqualTo(hosted.renderId() + ".mp4");
    }

    @Test
    void deleteDeletesTheAssetAsTheServeApiDoesAndTheVideoIsGoneEverywhere() {
        Hosted hosted = hostedVideo();
        String path = "/videos/" + hosted.id() + ".json";

        Response deleted = IbmHttp.delete(stack, path, stageToken);

        assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
        assertThat(serveAsset(hosted.id(), Environment.STAGE).path("status").asText()).isEqualTo("deleted");
        Eventually.holds("the hosted file is removed", () -> !isHosted(hosted));
        assertError(IbmHttp.get(stack, path, stageToken), 404, "not_found", "video");
        assertError(IbmHttp.delete(stack, path, stageToken), 404, "not_found", "video");
        assertError(IbmHttp.put(stack, path, stageToken, "title=back"), 404, "not_found", "video");
        assertError(IbmHttp.get(stack, "/videos/" + hosted.id() + "/expiration.json", stageToken), 404, "not_found",
                "video");
        assertThat(listedIds(owner, stageToken)).doesNotContain(hosted.id().toString());
    }

    @Test
    void aVideoDeletedThroughTheServeApiIsNoVideoHereEither() {
        Hosted hosted = hostedVideo();

        ContractCheckingClient.ApiResponse deleted = new ContractCheckingClient(stack.apiUrl())
                .delete("/serve/stage/assets/" + hosted.id(), stack.descriptor().apiKey(Environment.STAGE));

        assertThat(deleted.status()).isEqualTo(204);
        assertError(IbmHttp.get(stack, "/videos/" + hosted.id() + ".json", stageToken), 404, "not_found", "video");
        assertThat(listedIds(owner, stageToken)).doesNotContain(hosted.id().toString());
    }

    @Test
    void aVideoDeletedThroughTheServeApiLeavesItsChannelSoPagesStayFull() {
        IbmHttp.Owner lister = IbmHttp.anotherOwner(stack);
        String token = IbmHttp.accessToken(stack, lister, Environment.STAGE);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            newestFirst.addFirst(hostedVideo(lister.owner(), Environment.STAGE, token, Optional.of(1.0), false).id()
                    .toString());
        }

        ContractCheckingClient.ApiResponse deleted = new ContractCheckingClient(stack.apiUrl())
                .delete("/serve/stage/assets/" + newestFirst.getFirst(), lister.apiKey(Environment.STAGE));

        assertThat(deleted.status()).isEqualTo(204);
        Eventually.holds("the first page holds the two videos left", () -> ids(IbmHttp.get(stack,
                "/users/self/videos.json?pagesize=2", token).body().path("videos")).equals(newestFirst.subList(1, 3)));
        assertThat(IbmHttp.get(stack, "/users/self/videos.json?pagesize=2", token).body().path("paging").has("next"))
                .as("no second page: the deleted video is no longer counted").isFalse();
    }

    @Test
    void theExpirationRuleIsNeverUntilSetAndTakesAGivenTimeFormEncodedOrJson() {
        Hosted hosted = hostedVideo();
        String path = "/videos/" + hosted.id() + "/expiration.json";
        long inAnHour = stack.clock().instant().getEpochSecond() + 3600;

        Response initial = IbmHttp.get(stack, path, stageToken);
        Response atTime = IbmHttp.put(stack, path, stageToken,
                IbmHttp.form(Map.of("rule", "at_given_time", "expires_at", Long.toString(inAnHour))));
        Response afterAtTime = IbmHttp.get(stack, path, stageToken);
        Response never = IbmHttp.send(stack, "PUT", path,
                Map.of("Authorization", "Bearer " + stageToken, "Content-Type", "application/json; charset=utf-8"),
                Optional.of("{\"rule\": \"never\"}"));
        Response afterNever = IbmHttp.get(stack, path, stageToken);

        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.body()).isEqualTo(Json.parseTrusted("{\"expiration\": {\"rule\": \"never\"}}"));
        assertThat(atTime.status()).as(atTime.text()).isEqualTo(200);
        JsonNode expected = Json.parseTrusted(
                "{\"expiration\": {\"rule\": \"at_given_time\", \"expires_at\": " + inAnHour + "}}");
        assertThat(atTime.body()).isEqualTo(expected);
        assertThat(afterAtTime.body()).isEqualTo(expected);
        assertThat(afterAtTime.body().at("/expiration/expires_at").isIntegralNumber()).isTrue();
        assertThat(never.status()).as(never.text()).isEqualTo(200);
        assertThat(afterNever.body()).isEqualTo(initial.body());
    }

    @Test
    void aBadRuleIs400BadRequestNamingTheFieldAndChangesNothing() {
        Hosted hosted = hostedVideo();
        String path = "/videos/" + hosted.id() + "/expiration.json";
        String past = Long.toString(stack.clock().instant().getEpochSecond() - 60);
        String future = Long.toString(stack.clock().instant().getEpochSecond() + 3600);

        assertError(IbmHttp.put(stack, path, stageToken, ""), 400, "bad_request", "rule");
        assertError(IbmHttp.put(stack, path, stageToken, "rule=sometimes"), 400, "bad_request", "rule");
        assertError(IbmHttp.put(stack, path, stageToken, "rule=at_given_time"), 400, "bad_request", "expires_at");
        assertError(IbmHttp.put(stack, path, stageToken, "rule=at_given_time&expires_at=tomorrow"), 400,
                "bad_request", "expires_at");
        assertError(IbmHttp.put(stack, path, stageToken, "rule=at_given_time&expires_at=1.5e9"), 400,
                "bad_request", "expires_at");
        assertError(IbmHttp.put(stack, path, stageToken, "rule=at_given_time&expires_at=" + past), 400,
                "bad_request", "expires_at");
        assertError(IbmHttp.put(stack, path, stageToken, "rule=never&expires_at=" + future), 400, "bad_request",
                "expires_at");
        assertError(IbmHttp.put(stack, path, stageToken, "rule=never&when=now"), 400, "bad_request", "\"when\"");
        assertError(IbmHttp.send(stack, "PUT", path, Map.of("Authorization", "Bearer " + stageToken,
                "Content-Type", "application/json"), Optional.of("{\"rule\": ")), 400, "bad_request", "JSON");
        assertError(IbmHttp.send(stack, "PUT", path, Map.of("Authorization", "Bearer " + stageToken,
                "Content-Type", "text/plain"), Optional.of("rule=never")), 400, "bad_request", "Content-Type");

        assertThat(IbmHttp.get(stack, path, stageToken).body().at("/expiration/rule").asText()).isEqualTo("never");
    }

    @Test
    void aClientWithoutTheExpirationPermissionIsForbiddenWhateverTheVideo() {
        IbmHttp.Owner restricted = IbmHttp.anotherOwner(stack, Set.of(Environment.V1));
        String token = IbmHttp.accessToken(stack, restricted, Environment.STAGE);
        Hosted own = hostedVideo(restricted.owner(), Environment.STAGE, token, Optional.of(1.0), false);

        for (UUID id : List.of(own.id(), UUID.randomUUID())) {
            String path = "/videos/" + id + "/expiration.json";
            assertError(IbmHttp.get(stack, path, token), 403, "forbidden", "expiration");
            assertError(IbmHttp.put(stack, path, token, "rule=never"), 403, "forbidden", "expiration");
        }
        assertThat(video(own, token).path("id").asText()).as("the video itself is readable")
                .isEqualTo(own.id().toString());
    }

    @Test
    void anotherOwnersTokenNeverSeesNorChangesAVideo() {
        Hosted hosted = hostedVideo();
        String path = "/videos/" + hosted.id() + ".json";
        String expiration = "/videos/" + hosted.id() + "/expiration.json";
        long soon = stack.clock().instant().getEpochSecond() + 60;

        assertError(IbmHttp.get(stack, path, othersToken), 404, "not_found", "video");
        assertError(IbmHttp.put(stack, path, othersToken, "title=mine"), 403, "lack_of_ownership", "another owner");
        assertError(IbmHttp.delete(stack, path, othersToken), 403, "lack_of_ownership", "another owner");
        assertError(IbmHttp.get(stack, expiration, othersToken), 403, "lack_of_ownership", "another owner");
        assertError(IbmHttp.put(stack, expiration, othersToken, "rule=at_given_time&expires_at=" + soon), 403,
                "lack_of_ownership", "another owner");
        String ownersChannel = ChannelId.of(owner, Environment.STAGE);
        assertError(IbmHttp.get(stack, "/channels/" + ownersChannel + "/videos.json", othersToken), 404, "not_found",
                "channel");
        assertError(IbmHttp.get(stack, "/channels/" + ownersChannel + ".json", othersToken), 404, "not_found",
                "channel");
        assertThat(listedIds(other.owner(), othersToken)).doesNotContain(hosted.id().toString());

        JsonNode unchanged = video(hosted, stageToken);
        assertThat(unchanged.path("title").asText()).isEqualTo(hosted.renderId() + ".mp4");
        assertThat(IbmHttp.get(stack, expiration, stageToken).body().at("/expiration/rule").asText())
                .isEqualTo("never");
        assertThat(serveAsset(hosted.id(), Environment.STAGE).path("status").asText()).isEqualTo("ready");
    }

    @Test
    void theOtherEnvironmentsTokenFindsNoSuchVideo() {
        Hosted hosted = hostedVideo();
        String path = "/videos/" + hosted.id() + ".json";

        assertError(IbmHttp.get(stack, path, v1Token), 404, "not_found", "video");
        assertError(IbmHttp.put(stack, path, v1Token, "title=v1"), 404, "not_found", "video");
        assertError(IbmHttp.delete(stack, path, v1Token), 404, "not_found", "video");
        assertError(IbmHttp.get(stack, "/videos/" + hosted.id() + "/expiration.json", v1Token), 404, "not_found",
                "video");
        assertThat(listedIds(owner, v1Token)).doesNotContain(hosted.id().toString());
        assertThat(serveAsset(hosted.id(), Environment.STAGE).path("status").asText()).isEqualTo("ready");
    }

    @Test
    void pathsThatNameNoVideoAre404AndNoTokenIs401() {
        UUID unknown = UUID.randomUUID();

        assertError(IbmHttp.get(stack, "/videos/" + unknown + ".json", stageToken), 404, "not_found", "video");
        assertError(IbmHttp.get(stack, "/videos/" + unknown, stageToken), 404, "not_found", "video");
        assertError(IbmHttp.get(stack, "/videos/not-a-video.json", stageToken), 404, "not_found", "video");
        assertError(IbmHttp.get(stack, "/videos/" + unknown.toString().toUpperCase() + "X.json", stageToken), 404,
                "not_found", "video");
        assertError(IbmHttp.put(stack, "/videos/" + unknown + ".json/expiration.json", stageToken, "rule=never"),
                404, "not_found", "video");
        Response noToken = IbmHttp.send(stack, "GET", "/videos/" + unknown + ".json", Map.of(), Optional.empty());
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.body().path("error").asText()).isEqualTo("invalid_token");
        assertThat(noToken.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        Response apiKey = IbmHttp.send(stack, "GET", "/users/self/videos.json",
                Map.of("x-api-key", stack.descriptor().apiKey(Environment.STAGE)), Optional.empty());
        assertThat(apiKey.status()).as("the Shotstack key opens nothing here").isEqualTo(401);
    }

    /** The ids of the videos of a listing, in order. */
    private static List<String> ids(JsonNode videos) {
        List<String> ids = new ArrayList<>();
        videos.forEach(video -> ids.add(video.path("id").asText()));
        return ids;
    }

    /** The ids of every video the owner's channel lists, following {@code paging.next}. */
    private static List<String> listedIds(String owner, String token) {
        List<String> ids = new ArrayList<>();
        String path = "/users/self/videos.json?pagesize=50";
        while (path != null) {
            Response page = IbmHttp.get(stack, path, token);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.body().path("videos").forEach(video -> ids.add(video.path("id").asText()));
            path = page.body().at("/paging/next").isTextual() ? pathOf(page.body().at("/paging/next").asText()) : null;
        }
        return ids;
    }

    @Test
    void theChannelListsItsVideosNewestFirstAPageAtATimeAsIbmPagesThem() {
        IbmHttp.Owner lister = IbmHttp.anotherOwner(stack);
        String token = IbmHttp.accessToken(stack, lister, Environment.V1);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            newestFirst.addFirst(hostedVideo(lister.owner(), Environment.V1, token, Optional.of(1.0), false).id()
                    .toString());
        }

        Response channels = IbmHttp.get(stack, "/users/self/channels.json", token);
        String channel = ChannelId.of(lister.owner(), Environment.V1);
        Response first = IbmHttp.get(stack, "/channels/" + channel + "/videos.json?pagesize=2", token);
        Response second = IbmHttp.get(stack, pathOf(first.body().at("/paging/next").asText()), token);
        Response self = IbmHttp.get(stack, "/users/self/videos.json", token);

        assertThat(channels.status()).as(channels.text()).isEqualTo(200);
        assertThat(channels.body().path("channels").size()).isEqualTo(1);
        assertThat(channels.body().at("/channels/" + channel + "/id").asText()).isEqualTo(channel);
        assertThat(channels.body().at("/channels/" + channel + "/default").asBoolean()).isTrue();
        assertThat(channels.body().at("/paging/actual/href").asText()).endsWith("/users/self/channels.json?pagesize=100&p=1");
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(ids(first.body().path("videos"))).isEqualTo(newestFirst.subList(0, 2));
        assertThat(first.body().path("paging").has("previous")).isFalse();
        assertThat(first.body().at("/paging/next").asText())
                .isEqualTo(stack.apiUrl() + "/channels/" + channel + "/videos.json?pagesize=2&page=2");
        assertThat(ids(second.body().path("videos"))).isEqualTo(newestFirst.subList(2, 3));
        assertThat(second.body().at("/paging/previous").asText())
                .isEqualTo(stack.apiUrl() + "/channels/" + channel + "/videos.json?pagesize=2&page=1");
        assertThat(second.body().path("paging").has("next")).isFalse();
        assertThat(ids(self.body().path("videos"))).isEqualTo(newestFirst);
        assertThat(self.body().path("videos").get(0)).isEqualTo(IbmHttp.get(stack,
                "/videos/" + newestFirst.getFirst() + ".json", token).body().path("video"));
        assertThat(IbmHttp.get(stack, "/users/self/videos.json?page=9", token).body().path("videos")).isEmpty();
        assertThat(IbmHttp.get(stack, "/users/self/videos.json?filter%5Bprotect%5D=private", token).body()
                .path("videos")).as("every video is public").isEmpty();
        assertThat(ids(IbmHttp.get(stack, "/users/self/videos.json?sort=recent&filter%5Bprotect%5D=public,private",
                token).body().path("videos"))).isEqualTo(newestFirst);
    }

    @Test
    void badListingParametersAre400NamingTheParameter() {
        assertError(IbmHttp.get(stack, "/users/self/videos.json?pagesize=51", stageToken), 400, "bad_request",
                "pagesize");
        assertError(IbmHttp.get(stack, "/users/self/videos.json?pagesize=0", stageToken), 400, "bad_request",
                "pagesize");
        assertError(IbmHttp.get(stack, "/users/self/videos.json?page=-1", stageToken), 400, "bad_request", "page");
        assertError(IbmHttp.get(stack, "/users/self/videos.json?page=999999", stageToken), 400, "bad_request", "page");
        assertError(IbmHttp.get(stack, "/users/self/videos.json?sort=popular", stageToken), 400, "bad_request", "sort");
        assertError(IbmHttp.get(stack, "/users/self/videos.json?q=launch", stageToken), 400, "bad_request", "q");
        assertError(IbmHttp.get(stack, "/users/self/videos.json?filter%5Bprotect%5D=hidden", stageToken), 400,
                "bad_request", "filter[protect]");
        assertError(IbmHttp.get(stack, "/users/self/channels.json?p=zero", stageToken), 400, "bad_request", "p");
        assertError(IbmHttp.get(stack, "/channels/" + UUID.randomUUID() + "/videos.json", stageToken), 404,
                "not_found", "channel");
    }
}
