package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreateAccount;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.contract.ContractCheckingClient;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Edit API's template routes, through HTTP on the embedded stack, judged by the contract: saved, listed, read,
 * changed, deleted and rendered with merge fields, each owner's and each environment's apart.
 */
class TemplatesIT {

    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(60);
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    /** A title over a length given when it is rendered; the greeting has a default the render may override. */
    private static final String EDIT = """
            {"timeline": {"tracks": [{"clips": [
               {"asset": {"type": "title", "text": "{{GREETING}} {{NAME}}"}, "start": 0, "length": "{{LEN}}"}]}]},
             "output": {"format": "mp4", "resolution": "preview"},
             "merge": [{"find": "GREETING", "replace": "Hello"}]}""";

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

    private static String body(String name, String edit) {
        return "{\"name\": " + Json.write(Json.MAPPER.getNodeFactory().textNode(name)) + ", \"template\": " + edit + "}";
    }

    private static String save(String version, String key, String name, String edit) {
        ApiResponse response = api.post("/edit/" + version + "/templates", key, body(name, edit));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().at("/response/id").asText();
    }

    private static String otherStageKey() {
        return new CreateAccount(new DynamoDbAccounts(stack.services().dynamoDb(), stack.tableName("AccountsTable")),
                Clock.systemUTC(), new SecureRandom()).create(new CreateAccountCommand())
                .apiKeys().get(Environment.STAGE).value();
    }

    @Test
    void aSavedTemplateIsCreatedAndReadBackWithItsPlaceholders() throws IOException {
        ApiResponse created = api.post("/edit/stage/templates", stageKey, body("Greeting card", EDIT));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("success").asBoolean()).isTrue();
        assertThat(created.body().path("message").asText()).isEqualTo("Created");
        assertThat(created.body().at("/response/message").asText()).isEqualTo("Template Successfully Created");
        String id = created.body().at("/response/id").asText();
        assertThat(UUID.fromString(id)).isNotNull();

        ApiResponse read = api.get("/edit/stage/templates/" + id, stageKey);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("message").asText()).isEqualTo("OK");
        assertThat(read.body().at("/response/id").asText()).isEqualTo(id);
        assertThat(read.body().at("/response/name").asText()).isEqualTo("Greeting card");
        assertThat(read.body().at("/response/owner").asText()).isEqualTo(stack.descriptor().owner());
        assertThat(read.body().at("/response/template")).isEqualTo(Json.MAPPER.readTree(EDIT));
    }

    @Test
    void theListShowsTheCallersTemplatesOfTheVersionNewestFirstWithoutTheirEdits() {
        String key = otherStageKey();
        String first = save("stage", key, "First", EDIT);
        String second = save("stage", key, "Second", EDIT);

        ApiResponse list = api.get("/edit/stage/templates", key);

        assertThat(list.status()).isEqualTo(200);
        JsonNode response = list.body().path("response");
        assertThat(response.path("owner").asText()).isNotEqualTo(stack.descriptor().owner()).isNotBlank();
        assertThat(response.path("templates").findValuesAsText("id")).containsExactly(second, first);
        assertThat(response.path("templates").findValuesAsText("name")).containsExactly("Second", "First");
        assertThat(response.at("/templates/0/created").asText()).matches(TIMESTAMP);
        assertThat(response.at("/templates/0/updated").asText()).matches(TIMESTAMP);
        assertThat(response.at("/templates/0").has("template")).isFalse();
        assertThat(api.get("/edit/v1/templates", v1Key).body().at("/response/templates").findValuesAsText("id"))
                .doesNotContain(first, second);
    }

    @Test
    void anUpdateReplacesNameAndEditAndMovesUpdated() {
        String id = save("stage", stageKey, "Draft", EDIT);
        String created = listed(id).path("created").asText();
        String edited = EDIT.replace("\"preview\"", "\"mobile\"");

        ApiResponse updated = api.put("/edit/stage/templates/" + id, stageKey, body("Final", edited));

        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        assertThat(updated.body().path("message").asText()).isEqualTo("OK");
        assertThat(updated.body().at("/response/message").asText()).isEqualTo("Template Successfully Updated");
        assertThat(updated.body().at("/response/id").asText()).isEqualTo(id);
        JsonNode read = api.get("/edit/stage/templates/" + id, stageKey).body().path("response");
        assertThat(read.path("name").asText()).isEqualTo("Final");
        assertThat(read.at("/template/output/resolution").asText()).isEqualTo("mobile");
        assertThat(listed(id).path("created").asText()).isEqualTo(created);
        assertThat(Instant.parse(listed(id).path("updated").asText())).isAfter(Instant.parse(created));
    }

    private static JsonNode listed(String id) {
        for (JsonNode template : api.get("/edit/stage/templates", stageKey).body().at("/response/templates")) {
            if (template.path("id").asText().equals(id)) {
                return template;
            }
        }
        throw new AssertionError("template " + id + " is not listed");
    }

    @Test
    void aDeletedTemplateAnswers204ThenIsGone() {
        String id = save("stage", stageKey, "Short-lived", EDIT);

        ApiResponse deleted = api.delete("/edit/stage/templates/" + id, stageKey);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/edit/stage/templates/" + id, stageKey).status()).isEqualTo(404);
        assertThat(api.delete("/edit/stage/templates/" + id, stageKey).status()).isEqualTo(404);
    }

    @Test
    void anotherOwnersOrVersionsTemplateIsAnsweredExactlyLikeOneThatDoesNotExist() {
        String others = save("stage", otherStageKey(), "Theirs", EDIT);
        String stages = save("stage", stageKey, "Stage's", EDIT);
        String nobodys = UUID.randomUUID().toString();
        ApiResponse missing = api.get("/edit/stage/templates/" + nobodys, stageKey);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("success").asBoolean()).isFalse();
        assertThat(missing.body().path("message").asText()).isEqualTo("Not Found");
        assertThat(missing.body().path("response").asText()).isEqualTo("id matches no template");
        for (ApiResponse response : List.of(
                api.get("/edit/stage/templates/" + others, stageKey),
                api.put("/edit/stage/templates/" + others, stageKey, body("Mine now", EDIT)),
                api.delete("/edit/stage/templates/" + others, stageKey),
                api.post("/edit/stage/templates/render", stageKey, "{\"id\": \"" + others + "\"}"),
                api.get("/edit/v1/templates/" + stages, v1Key),
                api.delete("/edit/v1/templates/" + stages, v1Key),
                api.post("/edit/v1/templates/render", v1Key, "{\"id\": \"" + stages + "\"}"))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(missing.body());
        }
        assertThat(api.get("/edit/stage/templates/" + stages, stageKey).body().at("/response/name").asText())
                .isEqualTo("Stage's");
    }

    @Test
    void anIdThatIsNotAUuidIs400NamingId() {
        for (ApiResponse response : List.of(api.get("/edit/stage/templates/not-a-uuid", stageKey),
                api.delete("/edit/stage/templates/not-a-uuid", stageKey),
                api.put("/edit/stage/templates/not-a-uuid", stageKey, body("T", EDIT)),
                api.post("/edit/stage/templates/render", stageKey, "{\"id\": \"not-a-uuid\"}"))) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body().path("message").asText()).isEqualTo("Bad Request");
            assertThat(response.body().path("response").asText()).isEqualTo("id must be a UUID");
            assertThat(response.body().at("/errors/0/path").asText()).isEqualTo("id");
        }
    }

    /** Each row changes the template's edit by replacing {@code find} with {@code replace}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown property         | '"start": 0,'         | '"start": 0, "begin": 1,'    | template.timeline.tracks[0].clips[0].begin is not a known property
            wrong type               | '"preview"'           | '7'                          | template.output.resolution must be one of: preview, mobile, sd, hd, 1080, 4k
            placeholder in text for a number | '"start": 0,' | '"start": 0, "scale": "2{{S}}",' | template.timeline.tracks[0].clips[0].scale must be a number greater than or equal to 0 or an array
            bad default              | '"replace": "Hello"}' | '"replace": "Hello"}, {"replace": 1}' | template.merge[1].find is required
            """)
    void aTemplateThatIsNoEditIs400NamingTheFieldAndIsNotSaved(String problem, String find, String replace,
            String message) {
        String key = otherStageKey();
        assertThat(EDIT).contains(find);

        ApiResponse response = api.post("/edit/stage/templates", key, body("Broken", EDIT.replace(find, replace)));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.body().path("message").asText()).isEqualTo("Bad Request");
        assertThat(response.body().path("response").asText()).isEqualTo(message);
        assertThat(api.get("/edit/stage/templates", key).body().at("/response/templates")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no name       | '{"template": {}}'                         | name is required
            no template   | '{"name": "Blank"}'                        | template is required
            long name     | '{"name": "NAME", "template": {}}'         | name must be at most 255 characters long
            not JSON      | '{"name": '                                | body is not valid JSON: it ends unexpectedly at line 1, column 10
            """)
    void aBodyThatIsNoTemplateIs400NamingTheField(String problem, String body, String message) {
        ApiResponse response = api.post("/edit/stage/templates", stageKey, body.replace("NAME", "n".repeat(256)));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.body().path("response").asText()).isEqualTo(message);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        ApiResponse response = api.post("/edit/stage/templates", stageKey,
                body("Large", EDIT.replace("{{NAME}}", "x".repeat(256 * 1024))));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body().path("response").asText()).isEqualTo("body must be at most 262144 bytes");
    }

    @Test
    void aRenderedTemplateTakesTheRequestsMergeFieldsOverItsDefaultsAndRendersThem() throws Exception {
        String id = save("stage", stageKey, "Rendered", EDIT);

        ApiResponse queued = api.post("/edit/stage/templates/render", stageKey, """
                {"id": "%s", "merge": [{"find": "LEN", "replace": 1.5}, {"find": "NAME", "replace": "Ada"},
                                       {"find": "GREETING", "replace": "Hi"}]}""".formatted(id));

        assertThat(queued.status()).as(queued.body().toString()).isEqualTo(201);
        assertThat(queued.body().at("/response/message").asText()).isEqualTo("Render Successfully Queued");
        String renderId = queued.body().at("/response/id").asText();
        JsonNode merged = api.get("/edit/stage/render/" + renderId, Map.of("merged", "true"), stageKey).body()
                .path("response");
        assertThat(merged.at("/data/timeline/tracks/0/clips/0/asset/text").asText()).isEqualTo("Hi Ada");
        assertThat(merged.at("/data/timeline/tracks/0/clips/0/length").asDouble()).isEqualTo(1.5);
        assertThat(new DynamoDbRenders(stack.services().dynamoDb(), stack.tableName("RendersTable"))
                .find(stack.descriptor().owner(), UUID.fromString(renderId)).orElseThrow().template())
                .as("the render records its template").contains(UUID.fromString(id));

        JsonNode done = awaitFinished(renderId);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("duration").asDouble()).isCloseTo(1.5, within(0.05));
        Path mp4 = download(done.path("url").asText());
        assertThat(new RenderPlayback(stack.ffmpeg(), mp4.getParent()).duration(mp4)).as("the file's duration")
                .isCloseTo(1.5, within(0.05));
    }

    @Test
    void aRenderWithoutTheRequestsMergeFieldsUsesTheTemplatesDefaults() {
        String id = save("stage", stageKey, "Defaults", EDIT);

        ApiResponse queued = api.post("/edit/stage/templates/render", stageKey,
                "{\"id\": \"" + id + "\", \"merge\": [{\"find\": \"LEN\", \"replace\": 1}, {\"find\": \"NAME\", \"replace\": \"Bo\"}]}");

        String renderId = queued.body().at("/response/id").asText();
        JsonNode render = api.get("/edit/stage/render/" + renderId, Map.of("merged", "true"), stageKey).body();
        assertThat(render.at("/response/data/timeline/tracks/0/clips/0/asset/text").asText()).isEqualTo("Hello Bo");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a merged value of the wrong type | '[{"find": "LEN", "replace": "long"}, {"find": "NAME", "replace": "A"}]' | timeline.tracks[0].clips[0].length must be auto, end or alias://name
            a placeholder left without value | '[{"find": "NAME", "replace": "A"}]'                                     | timeline.tracks[0].clips[0].length must be auto, end or alias://name
            a merge field without find       | '[{"replace": 1}]'                                                       | merge[0].find is required
            """)
    void aRenderWhoseMergedEditIsInvalidIs400NamingTheFieldAndMakesNoRender(String problem, String merge,
            String message) {
        String id = save("stage", stageKey, "Strict", EDIT);
        long rendersBefore = storedRenders();

        ApiResponse response = api.post("/edit/stage/templates/render", stageKey,
                "{\"id\": \"" + id + "\", \"merge\": " + merge + "}");

        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.body().path("response").asText()).isEqualTo(message);
        assertThat(storedRenders()).isEqualTo(rendersBefore);
    }

    @Test
    void aRepeatedRenderUnderOneIdempotencyKeyMakesOneRender() {
        String id = save("stage", stageKey, "Once", EDIT);
        String body = "{\"id\": \"" + id + "\", \"merge\": [{\"find\": \"LEN\", \"replace\": 1}, {\"find\": \"NAME\", \"replace\": \"C\"}]}";
        Map<String, String> key = Map.of("Idempotency-Key", "template-" + UUID.randomUUID());

        ApiResponse first = api.post("/edit/stage/templates/render", stageKey, body, key);
        ApiResponse again = api.post("/edit/stage/templates/render", stageKey, body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body().at("/response/id").asText()).isEqualTo(first.body().at("/response/id").asText());
    }

    private static long storedRenders() {
        return stack.services().dynamoDb().scan(scan -> scan.tableName(stack.tableName("RendersTable"))
                .select("COUNT")).count();
    }

    private static JsonNode awaitFinished(String renderId) throws InterruptedException {
        Instant deadline = Instant.now().plus(RENDER_TIMEOUT);
        while (true) {
            JsonNode render = api.get("/edit/stage/render/" + renderId, Map.of("data", "false"), stageKey).body()
                    .path("response");
            String status = render.path("status").asText();
            if (status.equals("done") || status.equals("failed")) {
                return render;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("render " + renderId + " is still " + status + " after "
                        + RENDER_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private static Path download(String url) throws IOException, InterruptedException {
        assertThat(URI.create(url).getHost()).isEqualTo("127.0.0.1");
        Path file = Files.createTempDirectory("reelforge-templates-it-").resolve("render.mp4");
        HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).isEqualTo(200);
        return file;
    }
}
