package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreateAccount;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.core.account.CreatedAccount;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.contract.ContractCheckingClient;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /serve/{version}/assets} (Shotstack's transfer) through HTTP on the embedded stack, judged by the
 * contract: the file is fetched by the transfer flow from a server on loopback and hosted as a Serve asset, listed
 * under the client's id.
 */
class TransferIT {

    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    private static LocalStack stack;
    private static ContractCheckingClient api;
    private static String owner;
    private static String stageKey;
    private static SampleMedia media;
    private static LoopbackFileServer files;
    private static Path directory;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
        api = new ContractCheckingClient(stack.apiUrl());
        owner = stack.descriptor().owner();
        stageKey = stack.descriptor().apiKey(Environment.STAGE);
        directory = SharedStack.temporaryDirectory("transfer-media");
        media = new SampleMedia(stack.ffmpeg(), directory);
        files = LoopbackFileServer.serve(directory);
    }

    @AfterAll
    static void stop() {
        if (files != null) {
            files.close();
        }
    }

    private static ApiResponse transfer(String key, String url, String id, String destinations) {
        return api.post("/serve/stage/assets", key, """
                {"url": "%s", "id": "%s", "destinations": %s}""".formatted(url, id, destinations));
    }

    private static JsonNode listed(String key, String id) {
        ApiResponse response = api.get("/serve/stage/assets/render/" + id, key);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().path("data");
    }

    /** The one asset listed under {@code id}, once its status is no longer importing. */
    private static JsonNode finished(String id) {
        Eventually.holds("the transfer " + id + " finishes", () -> {
            JsonNode data = listed(stageKey, id);
            return data.size() == 1 && !data.get(0).at("/attributes/status").asText().equals("importing");
        });
        return listed(stageKey, id).get(0).path("attributes");
    }

    @Test
    void aTransferBecomesAReadyAssetWhoseCdnUrlServesTheSameBytesUntilItIsDeleted() throws IOException {
        Path clip = media.video("transferred.mp4", 320, 180, 2, 440);
        String id = "clip-" + UUID.randomUUID().toString().substring(0, 8);

        ApiResponse queued = transfer(stageKey, files.url("transferred.mp4").toString(), id,
                "[{\"provider\": \"shotstack\"}]");

        assertThat(queued.status()).as(queued.body().toString()).isEqualTo(200);
        assertThat(queued.body().has("success")).as("JSON:API, as the Serve API answers").isFalse();
        assertThat(queued.body().at("/data/type").asText()).isEqualTo("asset");
        JsonNode attributes = queued.body().at("/data/attributes");
        assertThat(attributes.path("id").asText()).as("the client's id").isEqualTo(id);
        assertThat(attributes.path("owner").asText()).isEqualTo(owner);
        assertThat(attributes.path("status").asText()).isEqualTo("queued");
        assertThat(attributes.path("created").asText()).matches(TIMESTAMP);

        JsonNode asset = finished(id);
        assertThat(asset.path("status").asText()).as(asset.toString()).isEqualTo("ready");
        assertThat(asset.path("filename").asText()).isEqualTo(asset.path("id").asText() + ".mp4");
        HttpResponse<byte[]> hosted = PlainHttp.get(asset.path("url").asText());
        assertThat(hosted.statusCode()).isEqualTo(200);
        assertThat(hosted.body()).as("the CDN serves the bytes transferred").isEqualTo(Files.readAllBytes(clip));
        assertThat(hosted.headers().firstValue("Content-Type")).contains("video/mp4");
        ApiResponse byId = api.get("/serve/stage/assets/" + asset.path("id").asText(), stageKey);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.body().at("/data/attributes/status").asText()).isEqualTo("ready");

        assertThat(api.delete("/serve/stage/assets/" + asset.path("id").asText(), stageKey).status()).isEqualTo(204);
        Eventually.holds("the deleted transfer's CDN URL stops serving",
                () -> PlainHttp.get(asset.path("url").asText()).statusCode() != 200);
    }

    @Test
    void aRedeliveredTransferChangesNothing() throws IOException {
        byte[] transferred = Files.readAllBytes(media.image("again.png", "purple", 40, 30));
        String id = UUID.randomUUID().toString();
        String url = files.url("again.png").toString();
        assertThat(transfer(stageKey, url, id, "[{\"provider\":\"shotstack\"}]").status()).isEqualTo(200);
        JsonNode asset = finished(id);
        assertThat(asset.path("status").asText()).isEqualTo("ready");

        // the origin's file changes, then the stream's record of the insert comes again (as Lambda may, at least once)
        Files.write(directory.resolve("again.png"), Files.readAllBytes(media.image("other.png", "yellow", 60, 20)));
        LocalFunction flow = stack.function("HostTransfersFunction");
        String record = """
                {"Records": [{"eventID": "again", "eventName": "INSERT", "eventSource": "aws:dynamodb",
                  "dynamodb": {"Keys": {"owner": {"S": "%1$s"}, "id": {"S": "%2$s"}},
                    "NewImage": {"owner": {"S": "%1$s"}, "id": {"S": "%2$s"}, "status": {"S": "importing"},
                      "transferUrl": {"S": "%3$s"}}, "StreamViewType": "NEW_IMAGE"}}]}"""
                .formatted(owner, asset.path("id").asText(), url);
        JsonNode result = Json.MAPPER.readTree(LambdaJson.toJson(flow.invoke(LambdaJson.fromJson(record,
                flow.eventType()))));

        assertThat(result.path("batchItemFailures")).as(result.toString()).isEmpty();
        JsonNode after = listed(stageKey, id).get(0).path("attributes");
        assertThat(after.path("status").asText()).isEqualTo("ready");
        assertThat(after.path("updated").asText()).as("not touched again").isEqualTo(asset.path("updated").asText());
        assertThat(PlainHttp.get(after.path("url").asText()).body()).as("the hosted file is the first one fetched")
                .isEqualTo(transferred);
    }

    @Test
    void transfersWithOneIdAreListedTogetherUnderIt() {
        media.image("one.png", "red", 40, 30);
        media.image("two.png", "blue", 40, 30);
        String id = UUID.randomUUID().toString();

        assertThat(transfer(stageKey, files.url("one.png").toString(), id, "[{\"provider\":\"shotstack\"}]").status())
                .isEqualTo(200);
        assertThat(transfer(stageKey, files.url("two.png").toString(), id, "[{\"provider\":\"shotstack\"}]").status())
                .isEqualTo(200);

        Eventually.holds("both transfers are ready", () -> {
            JsonNode data = listed(stageKey, id);
            return data.size() == 2 && data.findValuesAsText("status").stream().allMatch("ready"::equals);
        });
        assertThat(listed(stageKey, id).findValuesAsText("renderId")).containsOnly(id);
    }

    @Test
    void aUrlTheGuardRefusesFailsTheAsset() {
        String id = "refused-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(transfer(stageKey, "http://10.0.0.1/clip.mp4", id, "[{\"provider\":\"shotstack\"}]").status())
                .isEqualTo(200);

        JsonNode asset = finished(id);
        assertThat(asset.path("status").asText()).isEqualTo("failed");
        assertThat(asset.has("url")).isFalse();
    }

    @Test
    void aMissingFileAtTheOriginFailsTheAsset() {
        String id = "missing-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(transfer(stageKey, files.url("nothing-here.mp4").toString(), id,
                "[{\"provider\":\"shotstack\"}]").status()).isEqualTo(200);

        assertThat(finished(id).path("status").asText()).isEqualTo("failed");
    }

    private static void assertBadRequest(ApiResponse response, String path, String... words) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.body().path("message").asText()).isEqualTo("Bad Request");
        assertThat(response.body().path("response").asText()).startsWith(path + " ");
        for (String word : words) {
            assertThat(response.body().path("response").asText()).contains(word);
        }
    }

    @Test
    void aUrlOfTheWrongFormIsRefusedUpFront() {
        assertBadRequest(transfer(stageKey, "ftp://media.example/clip.mp4", "bad-url", "[{\"provider\":\"shotstack\"}]"),
                "url", "must be an absolute http or https URL");
        assertBadRequest(transfer(stageKey, "http://user@127.0.0.1/clip.mp4", "bad-url", "[{\"provider\":\"shotstack\"}]"),
                "url", "must not name a user or password");
        assertThat(api.get("/serve/stage/assets/render/bad-url", stageKey).status())
                .as("nothing was recorded under the id").isEqualTo(404);
    }

    @Test
    void aThirdPartyDestinationIsRefusedAsNotOfferedNamingIt() {
        assertBadRequest(transfer(stageKey, files.url("one.png").toString(), "to-vimeo",
                "[{\"provider\":\"shotstack\"}, {\"provider\":\"vimeo\"}]"),
                "destinations[1].provider", "'vimeo' is not offered: it is a third-party service");
        assertBadRequest(transfer(stageKey, files.url("one.png").toString(), "nowhere", "[]"), "destinations");
    }

    @Test
    void anIdThatIsNotUrlSafeIsRefused() {
        assertBadRequest(transfer(stageKey, files.url("one.png").toString(), "a b/c", "[{\"provider\":\"shotstack\"}]"),
                "id", "must be 1 to 128");
    }

    @Test
    void anotherOwnerSeesNothingOfATransfer() {
        media.image("private.png", "green", 40, 30);
        String id = "mine-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(transfer(stageKey, files.url("private.png").toString(), id, "[{\"provider\":\"shotstack\"}]")
                .status()).isEqualTo(200);
        JsonNode asset = finished(id);
        CreatedAccount other = new CreateAccount(new DynamoDbAccounts(stack.services().dynamoDb(),
                stack.tableName("AccountsTable")), Clock.systemUTC(), new SecureRandom())
                .create(new CreateAccountCommand());
        String otherKey = other.apiKeys().get(Environment.STAGE).value();

        assertThat(api.get("/serve/stage/assets/render/" + id, otherKey).status()).isEqualTo(404);
        assertThat(api.get("/serve/stage/assets/" + asset.path("id").asText(), otherKey).status()).isEqualTo(404);
        assertThat(api.delete("/serve/stage/assets/" + asset.path("id").asText(), otherKey).status()).isEqualTo(404);
        assertThat(api.get("/serve/v1/assets/render/" + id, stack.descriptor().apiKey(Environment.V1)).status())
                .as("nor does the owner's other environment").isEqualTo(404);
    }
}
