package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreateAccount;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.core.account.CreatedAccount;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.contract.ContractCheckingClient;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Idempotency-Key} on {@code POST /edit/{version}/render} through HTTP on an embedded stack of its own (the
 * tests move its clock a day ahead), each test with a fresh account so its renders are the only ones of their owner.
 */
class IdempotentSubmitIT {

    private static final String HEADER = "Idempotency-Key";

    private static Path dataDirectory;
    private static LocalStack stack;
    private static ContractCheckingClient api;

    @BeforeAll
    static void startStack() {
        dataDirectory = SharedStack.temporaryDirectory("reelforge-idempotency-it-");
        stack = LocalStack.start(new LocalStack.Options(ProjectFiles.template(), dataDirectory, 0, line -> {}));
        api = new ContractCheckingClient(stack.apiUrl());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        SharedStack.deleteRecursively(dataDirectory);
    }

    private static CreatedAccount newAccount() {
        return new CreateAccount(new DynamoDbAccounts(stack.services().dynamoDb(), stack.tableName("AccountsTable")),
                Clock.systemUTC(), new SecureRandom()).create(new CreateAccountCommand());
    }

    private static String stageKey(CreatedAccount account) {
        return account.apiKeys().get(Environment.STAGE).value();
    }

    private static ApiResponse submit(CreatedAccount account, Environment environment, String edit, String key) {
        return api.post("/edit/" + environment.pathName() + "/render", account.apiKeys().get(environment).value(), edit,
                Map.of(HEADER, key));
    }

    private static String idOf(ApiResponse response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().at("/response/id").asText();
    }

    /** The renders of the owner (its key records left out), as stored. */
    private static List<String> rendersOf(CreatedAccount account) {
        return stack.services().dynamoDb().queryPaginator(query -> query.tableName(stack.tableName("RendersTable"))
                        .keyConditionExpression("#owner = :owner")
                        .expressionAttributeNames(Map.of("#owner", "owner"))
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(account.owner())))
                        .consistentRead(true))
                .items().stream()
                .filter(item -> item.containsKey("status"))
                .map(item -> item.get("id").s())
                .toList();
    }

    @Test
    void aRepeatAnswersTheFirstResponseAgainMarkedAsAReplayAndMakesNoSecondRender() throws Exception {
        CreatedAccount account = newAccount();
        String key = UUID.randomUUID().toString();

        ApiResponse first = submit(account, Environment.STAGE, Edits.SMALL, key);
        String reformatted = Json.write(Json.MAPPER.readTree(Edits.SMALL)); // other whitespace: the same body
        ApiResponse again = submit(account, Environment.STAGE, reformatted, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(rendersOf(account)).containsExactly(idOf(first));
    }

    @Test
    void theSameKeyWithAnotherBodyAnswers409NamingTheHeader() {
        CreatedAccount account = newAccount();
        String id = idOf(submit(account, Environment.STAGE, Edits.SMALL, "order-4711"));

        ApiResponse other = submit(account, Environment.STAGE, Edits.small("\"Hi\"", "\"Ho\""), "order-4711");

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().path("success").asBoolean()).isFalse();
        assertThat(other.body().path("message").asText()).isEqualTo("Conflict");
        assertThat(other.body().path("response").asText())
                .isEqualTo("Idempotency-Key was used in the last 24 hours with another request body");
        assertThat(rendersOf(account)).containsExactly(id);
    }

    @Test
    void concurrentDuplicatesMakeExactlyOneRenderAndAllAnswerItsId() throws Exception {
        CreatedAccount account = newAccount();
        String key = "batch-" + UUID.randomUUID();
        int requests = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return submit(account, Environment.STAGE, Edits.SMALL, key);
                }));
            }
            start.countDown();
            List<ApiResponse> answers = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                answers.add(future.get());
            }

            List<String> ids = answers.stream().map(IdempotentSubmitIT::idOf).distinct().toList();
            assertThat(ids).hasSize(1);
            assertThat(rendersOf(account)).containsExactlyElementsOf(ids);
            assertThat(answers).filteredOn(answer -> answer.header("Idempotent-Replayed") == null)
                    .as("one answer made the render, the others replay it").hasSize(1);
        }
    }

    @Test
    void keysArePerOwnerAndEnvironment() {
        CreatedAccount account = newAccount();
        CreatedAccount other = newAccount();

        String stage = idOf(submit(account, Environment.STAGE, Edits.SMALL, "shared-key"));
        String v1 = idOf(submit(account, Environment.V1, Edits.small("\"Hi\"", "\"V1\""), "shared-key"));
        String others = idOf(submit(other, Environment.STAGE, Edits.small("\"Hi\"", "\"Other\""), "shared-key"));

        assertThat(List.of(stage, v1, others)).doesNotHaveDuplicates();
        assertThat(idOf(submit(account, Environment.STAGE, Edits.SMALL, "shared-key"))).isEqualTo(stage);
        assertThat(idOf(submit(account, Environment.V1, Edits.small("\"Hi\"", "\"V1\""), "shared-key"))).isEqualTo(v1);
        assertThat(idOf(submit(other, Environment.STAGE, Edits.small("\"Hi\"", "\"Other\""), "shared-key")))
                .isEqualTo(others);
        assertThat(rendersOf(account)).containsExactlyInAnyOrder(stage, v1);
    }

    @Test
    void aKeyIsRememberedFor24HoursAndMayBeUsedAgainAfterwards() {
        CreatedAccount account = newAccount();
        String edited = Edits.small("\"Hi\"", "\"Tomorrow\"");
        String first = idOf(submit(account, Environment.STAGE, Edits.SMALL, "daily"));

        stack.clock().advance(Duration.ofHours(24).minusMinutes(1));
        assertThat(submit(account, Environment.STAGE, edited, "daily").status()).isEqualTo(409);
        assertThat(idOf(submit(account, Environment.STAGE, Edits.SMALL, "daily"))).isEqualTo(first);

        stack.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
        ApiResponse afterwards = submit(account, Environment.STAGE, edited, "daily");
        String second = idOf(afterwards);
        assertThat(second).isNotEqualTo(first);
        assertThat(afterwards.header("Idempotent-Replayed")).isNull();
        assertThat(idOf(submit(account, Environment.STAGE, edited, "daily"))).isEqualTo(second);
        assertThat(rendersOf(account)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void aRequestRefusedAsInvalidIsNotRecordedSoItsFixMayUseTheSameKey() {
        CreatedAccount account = newAccount();

        ApiResponse invalid = submit(account, Environment.STAGE, Edits.small("\"length\": 2", "\"length\": -2"), "k1");
        ApiResponse fixed = submit(account, Environment.STAGE, Edits.SMALL, "k1");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fixed.status()).isEqualTo(201);
        assertThat(fixed.header("Idempotent-Replayed")).isNull();
        assertThat(rendersOf(account)).containsExactly(idOf(fixed));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 256})
    void aKeyOfTheWrongLengthIs400NamingTheHeader(int length) {
        CreatedAccount account = newAccount();

        ApiResponse response = submit(account, Environment.STAGE, Edits.SMALL, "k".repeat(length));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("response").asText())
                .isEqualTo("Idempotency-Key must be 1 to 255 printable ASCII characters");
        assertThat(response.body().at("/errors/0/path").asText()).isEqualTo(HEADER);
        assertThat(rendersOf(account)).isEmpty();
        assertThat(idOf(submit(account, Environment.STAGE, Edits.SMALL, "k".repeat(255)))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Idempotency-Key: caf\u00e9", "Idempotency-Key: caf\u00c3\u00a9", "Idempotency-Key: \u00a0",
            "Idempotency-Key: tab\there"})
    void aKeyWithACharacterOutsidePrintableAsciiIs400NamingTheHeader(String headerLine) throws Exception {
        CreatedAccount account = newAccount();

        RawHttp.Response response = rawPost(account, headerLine);

        assertThat(response.status()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).path("response").asText())
                .isEqualTo("Idempotency-Key must be 1 to 255 printable ASCII characters");
        assertThat(rendersOf(account)).isEmpty();
    }

    @Test
    void aKeySentTwiceIs400NamingTheHeader() throws Exception {
        CreatedAccount account = newAccount();

        RawHttp.Response response = rawPost(account, "Idempotency-Key: one", "idempotency-key: two");

        assertThat(response.status()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).path("response").asText())
                .isEqualTo("Idempotency-Key must be sent at most once");
        assertThat(rendersOf(account)).isEmpty();
    }

    @Test
    void withoutTheHeaderEverySubmitMakesARender() {
        CreatedAccount account = newAccount();

        String first = idOf(api.post("/edit/stage/render", stageKey(account), Edits.SMALL));
        String second = idOf(api.post("/edit/stage/render", stageKey(account), Edits.SMALL));

        assertThat(first).isNotEqualTo(second);
        assertThat(rendersOf(account)).containsExactlyInAnyOrder(first, second);
    }

    /** A submit with header lines an HTTP client will not send (repeated, or with bytes outside ASCII). */
    private static RawHttp.Response rawPost(CreatedAccount account, String... headerLines) {
        RawHttp raw = new RawHttp(stack.apiUrl());
        List<String> lines = new ArrayList<>(List.of("x-api-key: " + stageKey(account), "Content-Type: application/json",
                "Content-Length: " + Edits.SMALL.length()));
        lines.addAll(List.of(headerLines));
        return raw.send(raw.head("POST", "/edit/stage/render", lines.toArray(String[]::new)) + Edits.SMALL);
    }
}
