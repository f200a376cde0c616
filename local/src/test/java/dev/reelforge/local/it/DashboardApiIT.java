package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreateAccount;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.core.account.CreatedAccount;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /edit/{version}/renders} (an extension) and {@code progress} in a render's status, on the embedded stack:
 * the caller's renders newest first a page at a time through the cursor the list answers, nothing of another owner
 * or of the other environment, a status filter, a forged cursor refused in the envelope, and the progress of a render
 * followed to its end never going down; and CORS for the dashboard's origin (the template's {@code DashboardOrigin}):
 * preflights answered without a key and the functions' answers readable (Edit, Serve and Ingest), for that origin only.
 */
class DashboardApiIT {

    private static final Instant FIRST = Instant.parse("2026-01-02T03:04:05.000Z");
    private static final String DASHBOARD = "http://127.0.0.1:47999";
    private static final String ELSEWHERE = "https://elsewhere.example";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static RenderTestStack stack;
    private static DynamoDbRenders renders;

    @BeforeAll
    static void startStack() {
        stack = RenderTestStack.start(Map.of("DashboardOrigin", DASHBOARD), true);
        renders = stack.renders();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static CreatedAccount newAccount() {
        return new CreateAccount(new DynamoDbAccounts(stack.stack().services().dynamoDb(),
                stack.stack().tableName("AccountsTable")), Clock.systemUTC(), new SecureRandom())
                .create(new CreateAccountCommand());
    }

    private static String key(CreatedAccount account, Environment environment) {
        return account.apiKeys().get(environment).value();
    }

    /**
     * A render created at {@code created} and finished as the pipeline finishes one: stored while saving (which sets
     * no worker off), then completed or failed by the same conditional writes.
     */
    private static UUID seed(String owner, Environment environment, Instant created, RenderStatus status) {
        UUID id = UUID.randomUUID();
        renders.add(new Render(id, owner, environment, RenderStatus.SAVING, Json.parseTrusted(Edits.SMALL), created,
                created, Optional.empty(), Optional.empty()));
        RenderKey key = new RenderKey(owner, id);
        Instant finished = created.plusSeconds(5);
        boolean changed = status == RenderStatus.DONE
                ? renders.complete(key, new RenderResult("https://example.com/" + id + ".mp4", Optional.empty(),
                        Optional.empty(), 2.0, 1500), finished)
                : renders.fail(key, "seeded as failed", finished);
        assertThat(changed).isTrue();
        return id;
    }

    private static ApiResponse list(CreatedAccount account, Environment environment, Map<String, String> query) {
        return stack.api().get("/edit/" + environment.pathName() + "/renders", query, key(account, environment));
    }

    private static List<String> ids(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        page.body().at("/response/renders").forEach(render -> ids.add(render.path("id").asText()));
        return ids;
    }

    @Test
    void theCallersRendersAreListedNewestFirstAPageAtATime() {
        CreatedAccount account = newAccount();
        CreatedAccount other = newAccount();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.addFirst(seed(account.owner(), Environment.STAGE, FIRST.plusSeconds(i),
                    i % 2 == 0 ? RenderStatus.DONE : RenderStatus.FAILED).toString());
        }
        String otherVersion = seed(account.owner(), Environment.V1, FIRST.plusSeconds(10), RenderStatus.DONE).toString();
        String anothers = seed(other.owner(), Environment.STAGE, FIRST.plusSeconds(11), RenderStatus.DONE).toString();

        ApiResponse first = list(account, Environment.STAGE, Map.of("limit", "3"));

        assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
        assertThat(first.body().at("/response/owner").asText()).isEqualTo(account.owner());
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 3));
        JsonNode newest = first.body().at("/response/renders/0");
        assertThat(newest.path("status").asText()).isEqualTo("done");
        assertThat(newest.path("progress").asInt()).isEqualTo(100);
        assertThat(newest.path("url").asText()).endsWith(newest.path("id").asText() + ".mp4");
        assertThat(newest.path("created").asText()).isEqualTo("2026-01-02T03:04:09.000Z");
        assertThat(newest.has("data")).as("a list does not carry the edits").isFalse();
        assertThat(first.body().at("/response/renders/1/error").asText()).isEqualTo("seeded as failed");
        String cursor = first.body().at("/response/next").asText();
        assertThat(cursor).isNotBlank();

        ApiResponse second = list(account, Environment.STAGE, Map.of("limit", "3", "cursor", cursor));

        assertThat(second.status()).as("%s", second.body()).isEqualTo(200);
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(3, 5));
        assertThat(second.body().at("/response/next").isNull()).as("the last page").isTrue();

        ApiResponse everything = list(account, Environment.STAGE, Map.of());
        assertThat(ids(everything)).containsExactlyElementsOf(newestFirst).doesNotContain(otherVersion, anothers);
        assertThat(everything.body().at("/response/next").isNull()).isTrue();
        assertThat(ids(list(account, Environment.V1, Map.of()))).containsExactly(otherVersion);
        assertThat(ids(list(other, Environment.STAGE, Map.of()))).containsExactly(anothers);
    }

    @Test
    void aStatusFilterListsOnlyRendersInThatStatusAcrossPages() {
        CreatedAccount account = newAccount();
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID id = seed(account.owner(), Environment.STAGE, FIRST.plusSeconds(i),
                    i % 3 == 0 ? RenderStatus.DONE : RenderStatus.FAILED);
            if (i % 3 == 0) {
                done.addFirst(id.toString());
            }
        }

        List<String> listed = new ArrayList<>();
        Map<String, String> query = new HashMap<>(Map.of("status", "done", "limit", "2"));
        for (int pages = 0; pages < 10; pages++) {
            ApiResponse page = list(account, Environment.STAGE, query);
            assertThat(page.status()).as("%s", page.body()).isEqualTo(200);
            listed.addAll(ids(page));
            JsonNode next = page.body().at("/response/next");
            if (next.isNull()) {
                break;
            }
            query.put("cursor", next.asText());
        }

        assertThat(listed).containsExactlyElementsOf(done);
    }

    @Test
    void aCursorTheApiDidNotGiveALimitOutOfRangeAndAnUnknownStatusAre400s() {
        CreatedAccount account = newAccount();
        seed(account.owner(), Environment.STAGE, FIRST, RenderStatus.DONE);
        String given = list(account, Environment.STAGE, Map.of("limit", "1")).body().at("/response/next").asText("");

        for (Map<String, String> query : List.of(Map.of("cursor", "not-a-cursor"), Map.of("cursor", "x".repeat(5000)),
                Map.of("cursor", given + "A"))) {
            ApiResponse refused = list(account, Environment.STAGE, query);

            assertThat(refused.status()).as("%s", query).isEqualTo(400);
            assertThat(refused.body().path("success").asBoolean()).isFalse();
            assertThat(refused.body().path("message").asText()).isEqualTo("Bad Request");
            assertThat(refused.body().path("response").asText()).startsWith("cursor ");
            assertThat(refused.body().at("/errors/0/path").asText()).isEqualTo("cursor");
        }
        for (String limit : List.of("0", "101", "-1", "ten", "1e2")) {
            ApiResponse refused = list(account, Environment.STAGE, Map.of("limit", limit));
            assertThat(refused.status()).as("limit %s", limit).isEqualTo(400);
            assertThat(refused.body().path("response").asText()).startsWith("limit ");
        }
        ApiResponse unknownStatus = list(account, Environment.STAGE, Map.of("status", "finished"));
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.body().path("response").asText()).startsWith("status must be one of: queued, ");
    }

    @Test
    void progressNeverGoesDownBetweenPollsAndIsAHundredWhenDone() {
        String id = stack.submit(Environment.STAGE, Edits.small("\"length\": 2", "\"length\": 4"));
        List<Integer> seen = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        Instant deadline = Instant.now().plus(RenderTestStack.RENDER_TIMEOUT);
        JsonNode status;
        do {
            status = stack.status(Environment.STAGE, id);
            assertThat(status.path("progress").isInt()).as("%s", status).isTrue();
            seen.add(status.path("progress").asInt());
            statuses.add(status.path("status").asText());
            assertThat(Instant.now()).as("render %s still %s", id, status).isBefore(deadline);
            RenderTestStack.sleep(Duration.ofMillis(50));
        } while (!List.of("done", "failed").contains(status.path("status").asText()));

        assertThat(status.path("status").asText()).as("%s", status).isEqualTo("done");
        assertThat(seen).as("statuses %s", statuses).isSorted().allSatisfy(percent -> assertThat(percent).isBetween(0, 100));
        assertThat(seen.getLast()).isEqualTo(100);
        assertThat(seen.subList(0, seen.size() - 1)).as("only a finished render is at 100")
                .allSatisfy(percent -> assertThat(percent).isLessThan(100));
        JsonNode listed = stack.api().get("/edit/stage/renders", Map.of("limit", "1"), stack.key(Environment.STAGE))
                .body().at("/response/renders/0");
        assertThat(listed.path("id").asText()).as("a render submitted through the API is listed").isEqualTo(id);
        assertThat(listed.path("progress").asInt()).isEqualTo(100);
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        return send(method, path, headers, HttpRequest.BodyPublishers.noBody());
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers,
            HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.stack().apiUrl().resolve(path))
                .timeout(Duration.ofSeconds(30)).method(method, body);
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Optional<String> allowedOrigin(HttpResponse<String> response) {
        return response.headers().firstValue("Access-Control-Allow-Origin");
    }

    @Test
    void theDashboardsPreflightIsAnsweredWithoutAKey() {
        HttpResponse<String> renders = send("OPTIONS", "/edit/stage/renders", Map.of("Origin", DASHBOARD,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "x-api-key"));
        HttpResponse<String> render = send("OPTIONS", "/edit/v1/render/" + UUID.randomUUID(), Map.of("Origin", DASHBOARD,
                "Access-Control-Request-Method", "DELETE", "Access-Control-Request-Headers", "x-api-key"));

        assertThat(renders.statusCode()).as(renders.body()).isEqualTo(204);
        assertThat(allowedOrigin(renders)).contains(DASHBOARD);
        assertThat(renders.headers().firstValue("Access-Control-Allow-Methods")).contains("DELETE,GET,OPTIONS,POST,PUT");
        assertThat(renders.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(allowed ->
                assertThat(allowed.toLowerCase().split(",")).contains("x-api-key", "content-type", "idempotency-key"));
        assertThat(renders.headers().firstValue("Access-Control-Max-Age")).contains("600");
        assertThat(renders.headers().firstValue("Vary")).contains("Origin");
        assertThat(render.statusCode()).isEqualTo(204);
        assertThat(allowedOrigin(render)).contains(DASHBOARD);
        assertThat(send("OPTIONS", "/edit/stage/nothing-here", Map.of("Origin", DASHBOARD)).statusCode())
                .as("a path of no resource has no preflight either").isEqualTo(404);
    }

    @Test
    void aPreflightFromAnotherOriginAllowsNothing() {
        for (Map<String, String> headers : List.of(Map.of("Origin", ELSEWHERE), Map.of("Origin", DASHBOARD + ".evil"),
                Map.<String, String>of())) {
            HttpResponse<String> preflight = send("OPTIONS", "/edit/stage/renders", headers);

            assertThat(preflight.statusCode()).as("%s", headers).isEqualTo(204);
            assertThat(allowedOrigin(preflight)).as("%s", headers).isEmpty();
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).as("%s", headers).isEmpty();
        }
    }

    @Test
    void theFunctionsAnswersAreReadableByTheDashboardsOriginOnly() {
        String key = stack.key(Environment.STAGE);

        HttpResponse<String> fromDashboard = send("GET", "/edit/stage/renders", Map.of("x-api-key", key,
                "Origin", DASHBOARD));
        HttpResponse<String> refusedFromDashboard = send("GET", "/edit/stage/renders?cursor=forged",
                Map.of("x-api-key", key, "Origin", DASHBOARD));
        HttpResponse<String> fromElsewhere = send("GET", "/edit/stage/renders", Map.of("x-api-key", key,
                "Origin", ELSEWHERE));
        HttpResponse<String> fromNoBrowser = send("GET", "/edit/stage/renders", Map.of("x-api-key", key));
        HttpResponse<String> statusFromDashboard = send("GET", "/edit/stage/render/" + UUID.randomUUID(),
                Map.of("x-api-key", key, "Origin", DASHBOARD));

        assertThat(fromDashboard.statusCode()).isEqualTo(200);
        assertThat(allowedOrigin(fromDashboard)).contains(DASHBOARD);
        assertThat(fromDashboard.headers().firstValue("Vary")).contains("Origin");
        assertThat(refusedFromDashboard.statusCode()).isEqualTo(400);
        assertThat(allowedOrigin(refusedFromDashboard)).as("the dashboard reads the error too").contains(DASHBOARD);
        assertThat(statusFromDashboard.statusCode()).isEqualTo(404);
        assertThat(allowedOrigin(statusFromDashboard)).contains(DASHBOARD);
        assertThat(fromElsewhere.statusCode()).isEqualTo(200);
        assertThat(allowedOrigin(fromElsewhere)).isEmpty();
        assertThat(fromElsewhere.headers().firstValue("Vary")).contains("Origin");
        assertThat(allowedOrigin(fromNoBrowser)).isEmpty();
    }

    @Test
    void theTemplatesAndIngestPagesCallsArePreflightedAndReadableByTheDashboardsOrigin() {
        String key = stack.key(Environment.STAGE);
        Map<String, String> fromDashboard = Map.of("x-api-key", key, "Origin", DASHBOARD);
        for (String[] preflighted : new String[][] {{"GET", "/edit/stage/templates"},
                {"DELETE", "/edit/stage/templates/" + UUID.randomUUID()}, {"POST", "/edit/stage/templates/render"},
                {"POST", "/ingest/stage/sources"}, {"DELETE", "/ingest/stage/sources/" + UUID.randomUUID()}}) {
            HttpResponse<String> preflight = send("OPTIONS", preflighted[1], Map.of("Origin", DASHBOARD,
                    "Access-Control-Request-Method", preflighted[0],
                    "Access-Control-Request-Headers", "content-type,x-api-key"));

            assertThat(preflight.statusCode()).as("%s %s", preflighted[0], preflighted[1]).isEqualTo(204);
            assertThat(allowedOrigin(preflight)).as("%s %s", preflighted[0], preflighted[1]).contains(DASHBOARD);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").split(","))
                    .contains(preflighted[0]);
        }

        HttpResponse<String> templates = send("GET", "/edit/stage/templates", fromDashboard);
        HttpResponse<String> sources = send("GET", "/ingest/stage/sources", fromDashboard);
        HttpResponse<String> refusedSource = send("POST", "/ingest/stage/sources",
                Map.of("x-api-key", key, "Origin", DASHBOARD, "Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString("{\"url\": \"ftp://example.com/a.mp4\"}"));
        HttpResponse<String> missingSource = send("GET", "/ingest/stage/sources/" + UUID.randomUUID(), fromDashboard);
        HttpResponse<String> sourcesElsewhere = send("GET", "/ingest/stage/sources", Map.of("x-api-key", key,
                "Origin", ELSEWHERE));

        assertThat(templates.statusCode()).as(templates.body()).isEqualTo(200);
        assertThat(allowedOrigin(templates)).contains(DASHBOARD);
        assertThat(sources.statusCode()).as(sources.body()).isEqualTo(200);
        assertThat(allowedOrigin(sources)).as("the Ingest API's answers, as the Edit API's").contains(DASHBOARD);
        assertThat(sources.headers().firstValue("Vary")).contains("Origin");
        assertThat(refusedSource.statusCode()).as(refusedSource.body()).isEqualTo(400);
        assertThat(Json.parseTrusted(refusedSource.body()).at("/errors/0/detail").asText()).contains("url");
        assertThat(allowedOrigin(refusedSource)).as("the dashboard reads the Ingest API's errors").contains(DASHBOARD);
        assertThat(missingSource.statusCode()).isEqualTo(404);
        assertThat(allowedOrigin(missingSource)).contains(DASHBOARD);
        assertThat(sourcesElsewhere.statusCode()).isEqualTo(200);
        assertThat(allowedOrigin(sourcesElsewhere)).isEmpty();
    }

    @Test
    void theGatewaysOwnRefusalNamesTheDashboardsOriginSoThatTheDashboardCanReadIt() {
        HttpResponse<String> noKey = send("GET", "/edit/stage/renders", Map.of("Origin", DASHBOARD));
        HttpResponse<String> wrongKey = send("GET", "/edit/stage/renders", Map.of("Origin", DASHBOARD,
                "x-api-key", "not-a-key-of-anyone"));

        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(allowedOrigin(noKey)).contains(DASHBOARD);
        assertThat(wrongKey.statusCode()).isEqualTo(403);
        assertThat(allowedOrigin(wrongKey)).contains(DASHBOARD);
    }
}
