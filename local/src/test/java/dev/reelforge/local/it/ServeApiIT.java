package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreateAccount;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.core.account.CreatedAccount;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetId;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.cloudfront.Invalidation;
import dev.reelforge.local.contract.ContractCheckingClient;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The Serve API's asset routes, through HTTP on the embedded stack, judged by the contract. Nothing creates
 * assets yet (copying render outputs to the hosting bucket comes next), so renders and assets are seeded
 * directly in the tables, and hosted files directly in the hosting bucket.
 */
class ServeApiIT {

    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    private static LocalStack stack;
    private static ContractCheckingClient api;
    private static String owner;
    private static String stageKey;
    private static String v1Key;
    private static DynamoDbRenders renders;
    private static DynamoDbAssets assets;
    private static String hostingBucket;

    @BeforeAll
    static void startStack() {
        stack = SharedStack.get();
        api = new ContractCheckingClient(stack.apiUrl());
        owner = stack.descriptor().owner();
        stageKey = stack.descriptor().apiKey(Environment.STAGE);
        v1Key = stack.descriptor().apiKey(Environment.V1);
        renders = new DynamoDbRenders(stack.services().dynamoDb(), stack.tableName("RendersTable"));
        assets = new DynamoDbAssets(stack.services().dynamoDb(), stack.tableName("AssetsTable"));
        hostingBucket = stack.function("RemoveHostedFilesFunction").definition().environment().get("HOSTING_BUCKET");
    }

    /** A finished render (a queued one would set the render worker going). */
    private static UUID render(String owner, Environment environment) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        renders.add(new Render(id, owner, environment, RenderStatus.DONE, Json.object(), now, now, Optional.empty(),
                Optional.empty()));
        return id;
    }

    /** A ready asset of the render named {@code <renderId><suffix>}, with its file in the hosting bucket. */
    private static Asset hostedAsset(String owner, Environment environment, UUID renderId, String suffix) {
        Asset asset = Asset.importing(owner, environment, "us-east-1", renderId, renderId + suffix,
                Instant.now().minusSeconds(2));
        assertThat(assets.begin(asset)).isTrue();
        assertThat(assets.markReady(owner, asset.id(), "https://cdn.reelforge.test/" + owner + "/" + asset.filename(),
                Instant.now().minusSeconds(1))).isTrue();
        stack.services().s3().putObject(put -> put.bucket(hostingBucket).key(S3HostedFiles.key(owner, asset.filename())),
                RequestBody.fromString("hosted " + asset.filename()));
        return assets.find(owner, asset.id()).orElseThrow();
    }

    private static boolean isHosted(Asset asset) {
        try {
            stack.services().s3().headObject(head -> head.bucket(hostingBucket)
                    .key(S3HostedFiles.key(asset.owner(), asset.filename())));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static CreatedAccount anotherAccount() {
        return new CreateAccount(new DynamoDbAccounts(stack.services().dynamoDb(), stack.tableName("AccountsTable")),
                Clock.systemUTC(), new SecureRandom()).create(new CreateAccountCommand());
    }

    @Test
    void getsAnAssetByIdAsTheContractsAssetResponse() {
        UUID renderId = render(owner, Environment.STAGE);
        Asset asset = hostedAsset(owner, Environment.STAGE, renderId, ".mp4");

        ApiResponse response = api.get("/serve/stage/assets/" + asset.id(), stageKey);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body().has("success")).as("JSON:API, not the Edit API's envelope").isFalse();
        JsonNode data = response.body().path("data");
        assertThat(data.isObject()).as("the contract's AssetResponse has one resource as data").isTrue();
        assertThat(data.path("type").asText()).isEqualTo("assets");
        JsonNode attributes = data.path("attributes");
        assertThat(attributes.path("id").asText()).isEqualTo(asset.id().toString())
                .isEqualTo(AssetId.of(renderId, renderId + ".mp4").toString());
        assertThat(attributes.path("owner").asText()).isEqualTo(owner);
        assertThat(attributes.path("region").asText()).isEqualTo("us-east-1");
        assertThat(attributes.path("renderId").asText()).isEqualTo(renderId.toString());
        assertThat(attributes.path("providerId").asText()).isEqualTo(asset.id().toString());
        assertThat(attributes.path("filename").asText()).isEqualTo(renderId + ".mp4");
        assertThat(attributes.path("url").asText()).isEqualTo("https://cdn.reelforge.test/" + owner + "/" + renderId + ".mp4");
        assertThat(attributes.path("status").asText()).isEqualTo("ready");
        // Compared as instants: Instant.toString leaves out ".000" when the milliseconds are zero; the API does not.
        assertThat(attributes.path("created").asText()).matches(TIMESTAMP);
        assertThat(Instant.parse(attributes.path("created").asText()))
                .isEqualTo(asset.created().truncatedTo(ChronoUnit.MILLIS));
        assertThat(attributes.path("updated").asText()).matches(TIMESTAMP);
        assertThat(Instant.parse(attributes.path("updated").asText()))
                .isEqualTo(asset.updated().truncatedTo(ChronoUnit.MILLIS));
        assertThat(attributes.has("error")).isFalse();
    }

    @Test
    void getsEveryAssetOfARenderOrderedByFilename() {
        UUID renderId = render(owner, Environment.V1);
        Asset video = hostedAsset(owner, Environment.V1, renderId, ".mp4");
        Asset poster = hostedAsset(owner, Environment.V1, renderId, "-poster.jpg");
        Asset thumbnail = Asset.importing(owner, Environment.V1, "us-east-1", renderId, renderId + "-thumb.jpg", Instant.now());
        assets.begin(thumbnail);
        hostedAsset(owner, Environment.V1, render(owner, Environment.V1), ".mp4");

        ApiResponse response = api.get("/serve/v1/assets/render/" + renderId, v1Key);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        JsonNode data = response.body().path("data");
        assertThat(data.isArray()).isTrue();
        assertThat(data.findValuesAsText("type")).containsOnly("assets");
        assertThat(data.findValuesAsText("id")).containsExactly(
                poster.id().toString(), thumbnail.id().toString(), video.id().toString());
        assertThat(data.findValuesAsText("renderId")).containsOnly(renderId.toString());
        assertThat(data.findValuesAsText("status")).containsExactly("ready", "importing", "ready");
        assertThat(data.get(1).path("attributes").has("url")).as("no url before the copy is ready").isFalse();
    }

    @Test
    void aRenderWithoutAssetsYetHasAnEmptyList() {
        UUID renderId = render(owner, Environment.STAGE);

        ApiResponse response = api.get("/serve/stage/assets/render/" + renderId, stageKey);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("data").isArray()).isTrue();
        assertThat(response.body().path("data")).isEmpty();
    }

    @Test
    void anUnknownAssetOrRenderIs404InTheShotstackEnvelope() {
        ApiResponse asset = api.get("/serve/stage/assets/" + UUID.randomUUID(), stageKey);
        ApiResponse render = api.get("/serve/stage/assets/render/" + UUID.randomUUID(), stageKey);

        assertThat(asset.status()).isEqualTo(404);
        assertThat(asset.body().path("success").asBoolean(true)).isFalse();
        assertThat(asset.body().path("message").asText()).isEqualTo("Not Found");
        assertThat(asset.body().path("response").asText()).isEqualTo("id matches no asset");
        assertThat(render.status()).isEqualTo(404);
        assertThat(render.body().path("response").asText()).isEqualTo("id matches no render");
        assertThat(render.body().at("/errors/0/path").asText()).isEqualTo("id");
    }

    @Test
    void anotherOwnersAssetIsAnsweredExactlyLikeOneThatDoesNotExist() {
        CreatedAccount other = anotherAccount();
        String othersKey = other.apiKeys().get(Environment.STAGE).value();
        UUID othersRender = render(other.owner(), Environment.STAGE);
        Asset othersAsset = hostedAsset(other.owner(), Environment.STAGE, othersRender, ".mp4");
        UUID nobodys = UUID.randomUUID();

        ApiResponse others = api.get("/serve/stage/assets/" + othersAsset.id(), stageKey);
        ApiResponse nobodysAsset = api.get("/serve/stage/assets/" + nobodys, stageKey);
        ApiResponse othersByRender = api.get("/serve/stage/assets/render/" + othersRender, stageKey);
        ApiResponse nobodysByRender = api.get("/serve/stage/assets/render/" + nobodys, stageKey);
        ApiResponse othersDeleted = api.delete("/serve/stage/assets/" + othersAsset.id(), stageKey);
        ApiResponse nobodysDeleted = api.delete("/serve/stage/assets/" + nobodys, stageKey);
        ApiResponse othersRenderDeleted = api.delete("/serve/stage/assets/render/" + othersRender, stageKey);

        assertThat(others.status()).isEqualTo(404);
        assertThat(others.body()).isEqualTo(nobodysAsset.body());
        assertThat(othersByRender.status()).isEqualTo(404);
        assertThat(othersByRender.body()).isEqualTo(nobodysByRender.body());
        assertThat(othersDeleted.status()).isEqualTo(404);
        assertThat(othersDeleted.body()).isEqualTo(nobodysDeleted.body());
        assertThat(othersRenderDeleted.status()).isEqualTo(404);
        assertThat(assets.find(other.owner(), othersAsset.id())).contains(othersAsset);
        assertThat(isHosted(othersAsset)).isTrue();
        assertThat(api.get("/serve/stage/assets/" + othersAsset.id(), othersKey).status()).isEqualTo(200);
    }

    @Test
    void stageAndV1DoNotSeeEachOthersAssets() {
        UUID stageRender = render(owner, Environment.STAGE);
        Asset stageAsset = hostedAsset(owner, Environment.STAGE, stageRender, ".mp4");

        assertThat(api.get("/serve/v1/assets/" + stageAsset.id(), v1Key).status()).isEqualTo(404);
        assertThat(api.get("/serve/v1/assets/render/" + stageRender, v1Key).status()).isEqualTo(404);
        assertThat(api.delete("/serve/v1/assets/" + stageAsset.id(), v1Key).status()).isEqualTo(404);
        assertThat(api.delete("/serve/v1/assets/render/" + stageRender, v1Key).status()).isEqualTo(404);
        assertThat(api.get("/serve/v1/assets/" + stageAsset.id(), stageKey).status())
                .as("a stage key does not open v1").isEqualTo(403);

        assertThat(assets.find(owner, stageAsset.id())).contains(stageAsset);
        assertThat(isHosted(stageAsset)).isTrue();
        assertThat(api.get("/serve/stage/assets/" + stageAsset.id(), stageKey).status()).isEqualTo(200);
    }

    @Test
    void deletingAnAssetKeepsTheRecordAsDeletedAndTheHostingFlowRemovesItsFile() {
        UUID renderId = render(owner, Environment.STAGE);
        Asset video = hostedAsset(owner, Environment.STAGE, renderId, ".mp4");
        Asset poster = hostedAsset(owner, Environment.STAGE, renderId, "-poster.jpg");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        ApiResponse response = api.delete("/serve/stage/assets/" + video.id(), stageKey);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        Eventually.holds("the deleted asset's file is removed", () -> !isHosted(video));
        JsonNode deleted = api.get("/serve/stage/assets/" + video.id(), stageKey).body().path("data").path("attributes");
        assertThat(deleted.path("status").asText()).isEqualTo("deleted");
        assertThat(Instant.parse(deleted.path("updated").asText())).isAfterOrEqualTo(before);
        assertThat(Instant.parse(deleted.path("created").asText())).isEqualTo(video.created().truncatedTo(ChronoUnit.MILLIS));
        assertThat(isHosted(poster)).as("each asset is deleted on its own").isTrue();
        assertThat(assets.find(owner, poster.id()).orElseThrow().status()).isEqualTo(AssetStatus.READY);
        assertThat(api.get("/serve/stage/assets/render/" + renderId, stageKey).body().path("data")
                .findValuesAsText("status")).containsExactly("ready", "deleted");
    }

    @Test
    void aDeletedAssetsCdnUrlStopsServingAndItsPathIsInvalidated() throws Exception {
        UUID renderId = render(owner, Environment.V1);
        Asset video = hostedAsset(owner, Environment.V1, renderId, ".mp4");
        String cdnUrl = stack.descriptor().services().get("cdn") + S3HostedFiles.path(owner, video.filename());
        String distributionId = stack.function("RemoveHostedFilesFunction").definition().environment()
                .get("HOSTING_DISTRIBUTION_ID");
        assertThat(cdnGet(cdnUrl).statusCode()).as("served while hosted").isEqualTo(200);

        assertThat(api.delete("/serve/v1/assets/" + video.id(), v1Key).status()).isEqualTo(204);

        Eventually.holds("the deleted asset's CDN URL stops serving", () -> cdnGet(cdnUrl).statusCode() != 200);
        HttpResponse<String> after = cdnGet(cdnUrl);
        assertThat(after.statusCode()).as("a deleted file, as CloudFront answers it").isEqualTo(403);
        assertThat(after.body()).contains("<Code>AccessDenied</Code>");
        assertThat(stack.services().cloudFront().invalidations(distributionId)).extracting(Invalidation::paths)
                .contains(List.of(S3HostedFiles.path(owner, video.filename())));
    }

    private static HttpResponse<String> cdnGet(String url) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void deletingAnAssetAgainIs204AndChangesNothing() {
        Asset asset = hostedAsset(owner, Environment.V1, render(owner, Environment.V1), ".mp4");
        assertThat(api.delete("/serve/v1/assets/" + asset.id(), v1Key).status()).isEqualTo(204);
        JsonNode afterFirst = api.get("/serve/v1/assets/" + asset.id(), v1Key).body();
        Asset storedAfterFirst = assets.find(owner, asset.id()).orElseThrow();

        ApiResponse again = api.delete("/serve/v1/assets/" + asset.id(), v1Key);

        assertThat(again.status()).isEqualTo(204);
        assertThat(api.get("/serve/v1/assets/" + asset.id(), v1Key).body()).isEqualTo(afterFirst);
        assertThat(assets.find(owner, asset.id())).contains(storedAfterFirst);
    }

    @Test
    void deletingEveryAssetOfARenderIsAnExtensionThatDeletesThemAll() {
        UUID renderId = render(owner, Environment.STAGE);
        List<Asset> hosted = List.of(hostedAsset(owner, Environment.STAGE, renderId, ".mp4"),
                hostedAsset(owner, Environment.STAGE, renderId, "-poster.jpg"),
                hostedAsset(owner, Environment.STAGE, renderId, "-thumb.jpg"));
        UUID untouchedRender = render(owner, Environment.STAGE);
        Asset untouched = hostedAsset(owner, Environment.STAGE, untouchedRender, ".mp4");

        ApiResponse response = api.delete("/serve/stage/assets/render/" + renderId, stageKey);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(204);
        Eventually.holds("every deleted asset's file is removed", () -> hosted.stream().noneMatch(ServeApiIT::isHosted));
        assertThat(api.get("/serve/stage/assets/render/" + renderId, stageKey).body().path("data")
                .findValuesAsText("status")).containsExactly("deleted", "deleted", "deleted");
        assertThat(isHosted(untouched)).isTrue();
        assertThat(api.delete("/serve/stage/assets/render/" + renderId, stageKey).status()).as("again").isEqualTo(204);
        assertThat(api.delete("/serve/stage/assets/render/" + render(owner, Environment.STAGE), stageKey).status())
                .as("a render without assets").isEqualTo(204);
        assertThat(api.delete("/serve/stage/assets/render/" + UUID.randomUUID(), stageKey).status())
                .as("no such render").isEqualTo(404);
    }

    /** By render, the id may also be a transfer's (URL-safe characters): one that is neither is refused. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET    | /serve/stage/assets/        | not-a-uuid   | id must be a UUID",
            "DELETE | /serve/stage/assets/        | not-a-uuid   | id must be a UUID",
            "GET    | /serve/stage/assets/render/ | not-a-uuid!  | id must be a render id (a UUID) or the id of a transfer",
            "DELETE | /serve/stage/assets/render/ | not%20a-uuid | id must be a render id (a UUID) or the id of a transfer"})
    void rejectsAnIdThatIsNotAUuid(String method, String path, String id, String said) {
        ApiResponse response = method.equals("GET") ? api.get(path + id, stageKey) : api.delete(path + id, stageKey);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("success").asBoolean(true)).isFalse();
        assertThat(response.body().path("message").asText()).isEqualTo("Bad Request");
        assertThat(response.body().path("response").asText()).isEqualTo(said);
        assertThat(response.body().at("/errors/0/path").asText()).isEqualTo("id");
    }

    @Test
    void aMissingApiKeyIs401() {
        Asset asset = hostedAsset(owner, Environment.STAGE, render(owner, Environment.STAGE), ".mp4");

        ApiResponse read = api.get("/serve/stage/assets/" + asset.id(), null);
        ApiResponse delete = api.delete("/serve/stage/assets/" + asset.id(), null);

        assertThat(read.status()).isEqualTo(401);
        assertThat(read.body().path("response").asText()).contains("x-api-key");
        assertThat(delete.status()).isEqualTo(401);
        assertThat(isHosted(asset)).isTrue();
        assertThat(assets.find(owner, asset.id()).orElseThrow().status()).isEqualTo(AssetStatus.READY);
    }
}
