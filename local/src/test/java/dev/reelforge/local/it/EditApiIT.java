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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Edit API's submit and status routes, through HTTP on the embedded stack, judged by the contract. */
class EditApiIT {

    private static LocalStack stack;
    private static ContractCheckingClient api;
    private static String stageKey;
    private static String v1Key;

    @BeforeAll
    static void startStack() {
        stack = SharedStack.get();
        api = new ContractCheckingClient(stack.apiUrl());
        stageKey = stack.descriptor().apiKey(Environment.STAGE);
        v1Key = stack.descriptor().apiKey(Environment.V1);
    }

    private static String submit(String version, String key, String edit) {
        ApiResponse response = api.post("/edit/" + version + "/render", key, edit);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().path("response").path("id").asText();
    }

    @Test
    void queuesAValidEditWithTheContractsCreatedResponse() {
        ApiResponse response = api.post("/edit/stage/render", stageKey, Edits.EXAMPLE);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = response.body();
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("message").asText()).isEqualTo("Created");
        assertThat(body.path("response").path("message").asText()).isEqualTo("Render Successfully Queued");
        assertThat(UUID.fromString(body.path("response").path("id").asText())).isNotNull();
    }

    @Test
    void statusShowsTheRenderWithTheEditAsSubmitted() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        String id = submit("v1", v1Key, Edits.EXAMPLE);

        ApiResponse response = api.get("/edit/v1/render/" + id, v1Key);

        assertThat(response.status()).isEqualTo(200);
        JsonNode render = response.body().path("response");
        assertThat(response.body().path("success").asBoolean()).isTrue();
        assertThat(response.body().path("message").asText()).isEqualTo("OK");
        assertThat(render.path("id").asText()).isEqualTo(id);
        assertThat(render.path("owner").asText()).isEqualTo(stack.descriptor().owner());
        // The shared stack's worker may already have picked the render up.
        assertThat(render.path("status").asText()).isIn("queued", "fetching", "rendering", "saving", "done", "failed");
        assertThat(render.path("data")).isEqualTo(Json.MAPPER.readTree(Edits.EXAMPLE));
        assertThat(render.path("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Instant.parse(render.path("created").asText())).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        if (render.path("status").asText().equals("queued")) {
            assertThat(render.path("updated").asText()).isEqualTo(render.path("created").asText());
        }
        if (!render.path("status").asText().equals("done")) {
            assertThat(render.has("url")).as("no url before the render is done").isFalse();
        }
    }

    @Test
    void statusLeavesTheEditOutWhenDataIsFalse() {
        String id = submit("stage", stageKey, Edits.SMALL);

        JsonNode render = api.get("/edit/stage/render/" + id, Map.of("data", "false"), stageKey).body().path("response");

        assertThat(render.has("data")).isFalse();
        assertThat(render.path("id").asText()).isEqualTo(id);
    }

    @Test
    void statusShowsMergeFieldsAppliedOnlyWhenMergedIsTrue() {
        String id = submit("stage", stageKey, Edits.EXAMPLE);
        String titlePath = "/response/data/timeline/tracks/0/clips/0/asset/text";

        JsonNode asSubmitted = api.get("/edit/stage/render/" + id, stageKey).body();
        JsonNode merged = api.get("/edit/stage/render/" + id, Map.of("data", "true", "merged", "true"), stageKey).body();

        assertThat(asSubmitted.at(titlePath).asText()).isEqualTo("{{ NAME }}");
        assertThat(merged.at(titlePath).asText()).isEqualTo("Jane");
        assertThat(merged.at("/response/data/merge/0/find").asText()).isEqualTo("NAME");
    }

    @Test
    void mergeFieldsMayStandWhereTheContractWantsANumber() {
        String edit = Edits.small("\"length\": 2", "\"length\": \"{{LEN}}\"")
                .replace("\"output\"", "\"merge\": [{\"find\": \"LEN\", \"replace\": 3.5}], \"output\"");

        String id = submit("stage", stageKey, edit);

        JsonNode merged = api.get("/edit/stage/render/" + id, Map.of("merged", "true"), stageKey).body();
        assertThat(merged.at("/response/data/timeline/tracks/0/clips/0/length").asDouble()).isEqualTo(3.5);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"data, yes", "merged, 1", "data, TRUE"})
    void rejectsAQueryParameterThatIsNotABoolean(String parameter, String value) {
        String id = submit("stage", stageKey, Edits.SMALL);

        ApiResponse response = api.get("/edit/stage/render/" + id, Map.of(parameter, value), stageKey);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("response").asText()).isEqualTo(parameter + " must be true or false");
    }

    @Test
    void rejectsAnIdThatIsNotAUuid() {
        ApiResponse response = api.get("/edit/stage/render/not-a-uuid", stageKey);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("success").asBoolean()).isFalse();
        assertThat(response.body().path("message").asText()).isEqualTo("Bad Request");
        assertThat(response.body().path("response").asText()).isEqualTo("id must be a UUID");
        assertThat(response.body().at("/errors/0/path").asText()).isEqualTo("id");
    }

    @Test
    void anotherOwnersRenderIsAnsweredExactlyLikeOneThatDoesNotExist() {
        CreatedAccount other = new CreateAccount(
                new DynamoDbAccounts(stack.services().dynamoDb(), stack.tableName("AccountsTable")),
                Clock.systemUTC(), new SecureRandom()).create(new CreateAccountCommand());
        String othersRender = submit("stage", other.apiKeys().get(Environment.STAGE).value(), Edits.SMALL);
        String nobodysRender = UUID.randomUUID().toString();

        ApiResponse others = api.get("/edit/stage/render/" + othersRender, stageKey);
        ApiResponse nobodys = api.get("/edit/stage/render/" + nobodysRender, stageKey);

        assertThat(others.status()).isEqualTo(404).isEqualTo(nobodys.status());
        assertThat(others.body()).isEqualTo(nobodys.body());
        assertThat(others.body().path("response").asText()).isEqualTo("id matches no render");
        assertThat(api.get("/edit/stage/render/" + othersRender, other.apiKeys().get(Environment.STAGE).value())
                .status()).isEqualTo(200);
    }

    @Test
    void aStageRenderIsNotFoundThroughV1() {
        String id = submit("stage", stageKey, Edits.SMALL);

        ApiResponse response = api.get("/edit/v1/render/" + id, v1Key);

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void aMissingApiKeyIs401WithAJsonBodyNamingTheHeader() {
        ApiResponse response = api.post("/edit/stage/render", null, Edits.SMALL);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().path("success").asBoolean()).isFalse();
        assertThat(response.body().path("response").asText()).contains("x-api-key");
    }

    @Test
    void anUnknownApiKeyIs403WithAJsonBodyNamingTheHeader() {
        ApiResponse response = api.get("/edit/stage/render/" + UUID.randomUUID(), "not-a-key-of-anyone");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body().path("message").asText()).isEqualTo("Forbidden");
        assertThat(response.body().path("response").asText()).contains("x-api-key");
    }

    @Test
    void aStageKeyDoesNotOpenV1AndAV1KeyDoesNotOpenStage() {
        assertThat(api.post("/edit/v1/render", stageKey, Edits.SMALL).status()).isEqualTo(403);
        assertThat(api.post("/edit/stage/render", v1Key, Edits.SMALL).status()).isEqualTo(403);
        assertThat(api.post("/edit/stage/render", stageKey, Edits.SMALL).status()).isEqualTo(201);
        assertThat(api.post("/edit/v1/render", v1Key, Edits.SMALL).status()).isEqualTo(201);
    }

    @Test
    void anUnknownRouteIs404InTheShotstackEnvelope() {
        ApiResponse response = api.get("/edit/stage/videos", stageKey);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().path("success").asBoolean()).isFalse();
        assertThat(response.body().path("response").asText())
                .isEqualTo("no route matches the method and path of the request");
    }

    /** Each row breaks the small edit by replacing {@code find} with {@code replace}; "*" replaces it all. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON     | *                 | '{"timeline": '                           | body is not valid JSON: it ends unexpectedly at line 1, column 14
            a JSON array       | *                 | '[]'                                      | body must be a JSON object
            wrong type         | '"length": 2'     | '"length": "two"'                         | timeline.tracks[0].clips[0].length must be auto, end or alias://name
            missing required   | '"start": 0, '    | ''                                        | timeline.tracks[0].clips[0].start is required
            out of range       | '"length": 2'     | '"length": -2'                            | timeline.tracks[0].clips[0].length must be a number greater than 0
            unknown enum value | '"preview"'       | '"8k"'                                    | output.resolution must be one of: preview, mobile, sd, hd, 1080, 4k
            unknown asset type | '"title"'         | '"hologram"'                              | timeline.tracks[0].clips[0].asset.type must be one of: video, image, text, rich-text, audio, luma, caption, rich-caption, html, title, shape, svg, text-to-image, image-to-video, text-to-speech, html5
            unknown property   | '"start": 0'      | '"start": 0, "begin": 1'                  | timeline.tracks[0].clips[0].begin is not a known property
            bad callback       | '"output"'        | '"callback": "ftp://example.com/hook", "output"' | callback must be an absolute http or https URL
            callback with user | '"output"'        | '"callback": "https://hooks.example.com@10.0.0.1/hook", "output"' | callback must not name a user or password
            octal source host  | '{"type": "title", "text": "Hi"}' | '{"type": "image", "src": "http://0177.0.0.1/a.jpg"}' | timeline.tracks[0].clips[0].asset.src must name its host as a DNS name (letters, digits and hyphens; international names in punycode), an IPv4 address in dotted decimal or an IPv6 address in brackets
            merged source host | '"output"'        | '"merge": [{"find": "HOST", "replace": "2130706433"}], "output"' | timeline.tracks[0].clips[0].asset.src must name its host as a DNS name (letters, digits and hyphens; international names in punycode), an IPv4 address in dotted decimal or an IPv6 address in brackets
            """)
    void rejectsBadInputNamingTheOffendingField(String problem, String find, String replace, String message) {
        String edit = find.equals("*") ? replace : Edits.small(find, replace);
        if (problem.equals("merged source host")) {
            edit = edit.replace("{\"type\": \"title\", \"text\": \"Hi\"}",
                    "{\"type\": \"video\", \"src\": \"http://{{HOST}}:8080/v.mp4\"}");
        }
        long rendersBefore = storedRenders();

        ApiResponse response = api.post("/edit/stage/render", stageKey, edit);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.body().path("success").asBoolean()).isFalse();
        assertThat(response.body().path("message").asText()).isEqualTo("Bad Request");
        assertThat(response.body().path("response").asText()).isEqualTo(message);
        assertThat(response.body().at("/errors/0/message").asText()).isEqualTo(message);
        assertThat(storedRenders()).as("a rejected edit stores nothing").isEqualTo(rendersBefore);
    }

    @Test
    void mergeFieldsThatWouldMultiplyTheEditPastWhatARenderHoldsAre400NamingMerge() {
        String replacement = "x".repeat(100_000);
        String edit = Edits.small("\"Hi\"", "\"" + "{{A}}".repeat(20_000) + "\"")
                .replace("\"output\"", "\"merge\": [{\"find\": \"A\", \"replace\": \"" + replacement + "\"}], \"output\"");
        long rendersBefore = storedRenders();

        ApiResponse response = api.post("/edit/stage/render", stageKey, edit);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.body().path("message").asText()).isEqualTo("Bad Request");
        assertThat(response.body().at("/errors/0/path").asText()).isEqualTo("merge");
        assertThat(response.body().path("response").asText())
                .matches("merge would make the edit 2\\d{9} bytes long, more than the 393216 allowed");
        assertThat(storedRenders()).isEqualTo(rendersBefore);
    }

    @Test
    void reportsEveryViolationOfAnEditNotJustTheFirst() {
        String edit = Edits.small("\"length\": 2", "\"length\": 0").replace("\"preview\"", "\"8k\"");

        ApiResponse response = api.post("/edit/stage/render", stageKey, edit);

        assertThat(response.body().path("errors").findValuesAsText("path"))
                .containsExactly("timeline.tracks[0].clips[0].length", "output.resolution");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String padding = "x".repeat(256 * 1024);
        String edit = Edits.small("\"Hi\"", "\"" + padding + "\"");
        long rendersBefore = storedRenders();

        ApiResponse response = api.post("/edit/stage/render", stageKey, edit);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body().path("response").asText()).isEqualTo("body must be at most 262144 bytes");
        assertThat(storedRenders()).isEqualTo(rendersBefore);
    }

    @Test
    void apiKeysAreStoredOnlyAsHashes() {
        var items = stack.services().dynamoDb().scan(scan -> scan.tableName(stack.tableName("AccountsTable"))).items();

        assertThat(items).isNotEmpty();
        assertThat(items.toString()).doesNotContain(stageKey).doesNotContain(v1Key);
        assertThat(items).anySatisfy(item -> assertThat(item.get("pk").s()).matches("apikey#[0-9a-f]{64}"));
    }

    private static long storedRenders() {
        return stack.services().dynamoDb().scan(scan -> scan.tableName(stack.tableName("RendersTable"))
                .select("COUNT")).count();
    }
}
