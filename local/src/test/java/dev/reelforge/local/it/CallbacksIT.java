package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbWebhookSecrets;
import dev.reelforge.core.Environment;
import dev.reelforge.core.callback.RotateWebhookSecret;
import dev.reelforge.core.callback.RotateWebhookSecretCommand;
import dev.reelforge.core.callback.WebhookSecret;
import dev.reelforge.core.callback.WebhookVerifier;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.contract.ContractCheckingClient.ApiResponse;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.webhooks.WebhookReceiver;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.SdkClients;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Callbacks on the embedded stack, end to end, with a real receiver on loopback that checks every signature: one
 * callback when a render ends and one per hosted asset, each webhook-id processed once; a receiver down for an
 * hour (by the stack's clock) gets every callback once it is back; one that fails forever has its callbacks
 * dead-lettered after the last attempt; a repeated upstream event sends nothing more; during a secret rotation each
 * callback is signed with both secrets. A stack of its own, since
 * these tests move its clock.
 */
class CallbacksIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String VIDEO_EDIT = """
            {"callback": "%s",
             "timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Called back"}, "start": 0, "length": 2}]}]},
             "output": {"format": "mp4", "resolution": "preview", "poster": {"capture": 1},
                        "thumbnail": {"capture": 1, "scale": 0.5}}}
            """;
    private static final String IMAGE_EDIT = """
            {"callback": "%s",
             "timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Still"}, "start": 0, "length": 1}]}]},
             "output": {"format": "png", "resolution": "preview"}}
            """;

    private static RenderTestStack stack;
    private WebhookReceiver receiver;

    @BeforeAll
    static void startStack() {
        stack = RenderTestStack.start();
    }

    @AfterAll
    static void stopStack() {
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
    void aRenderSendsOneSignedCallbackWhenItEndsAndOnePerHostedAsset() throws Exception {
        String id = stack.render(Environment.STAGE, VIDEO_EDIT.formatted(receiver.url())).render().path("id").asText();

        List<WebhookReceiver.Received> callbacks = awaitCallbacks(received -> received.stream()
                .map(WebhookReceiver.Received::webhookId).distinct().count() == 4);

        assertThat(callbacks).hasSize(4).allSatisfy(callback -> {
            assertThat(callback.verification()).isEqualTo("verified");
            assertThat(callback.headers()).containsKeys("webhook-id", "webhook-timestamp", "webhook-signature");
            assertThat(callback.headers().get("content-type")).startsWith("application/json");
        });
        List<JsonNode> bodies = callbacks.stream().map(callback -> Json.parseTrusted(callback.body())).toList();
        JsonNode render = bodies.stream().filter(body -> body.path("type").asText().equals("edit")).findFirst()
                .orElseThrow();
        assertThat(render.path("action").asText()).isEqualTo("render");
        assertThat(render.path("id").asText()).isEqualTo(id);
        assertThat(render.path("owner").asText()).isEqualTo(stack.owner());
        assertThat(render.path("status").asText()).isEqualTo("done");
        assertThat(render.path("url").asText()).contains("/" + stack.owner() + "/" + id + ".mp4");
        assertThat(render.path("error").isNull()).isTrue();
        assertThat(render.path("completed").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        List<JsonNode> assets = bodies.stream().filter(body -> body.path("type").asText().equals("serve")).toList();
        assertThat(assets).hasSize(3).allSatisfy(asset -> {
            assertThat(asset.path("action").asText()).isEqualTo("copy");
            assertThat(asset.path("render").asText()).isEqualTo(id);
            assertThat(asset.path("status").asText()).isEqualTo("ready");
        });
        assertThat(assets.stream().map(asset -> asset.path("url").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(cdnUrls(id));

        JsonNode deliveries = callbacksOf(id);
        assertThat(deliveries).hasSize(4);
        assertThat(deliveries.findValuesAsText("state")).containsOnly("delivered");
        assertThat(deliveries.findValuesAsText("attempts")).containsOnly("1");
        assertThat(deliveries.findValuesAsText("lastStatus")).containsOnly("204");
        assertThat(deliveries.findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(
                callbacks.stream().map(WebhookReceiver.Received::webhookId).toList());
        ApiResponse throughV1 = stack.api().get("/edit/v1/render/" + id + "/callbacks", stack.key(Environment.V1));
        assertThat(throughV1.status()).as("a stage render's callbacks through v1, like a missing render").isEqualTo(404);
        assertThat(throughV1.body().at("/errors/0/path").asText()).isEqualTo("id");
        assertThat(stack.api().get("/edit/stage/render/" + UUID.randomUUID() + "/callbacks",
                stack.key(Environment.STAGE)).status()).isEqualTo(404);
    }

    @Test
    void aRepeatedUpstreamEventSendsNoSecondCallback() throws Exception {
        String id = stack.render(Environment.STAGE, IMAGE_EDIT.formatted(receiver.url())).render().path("id").asText();
        awaitCallbacks(received -> received.size() == 2);

        String outcome = LambdaJson.toJson(stack.stack().function("DispatchCallbacksFunction").invoke(renderEnded(id)));
        stack.stack().awaitAsyncInvocations(Duration.ofSeconds(20));
        RenderTestStack.sleep(Duration.ofSeconds(1));

        assertThat(Json.MAPPER.readTree(outcome).path("batchItemFailures")).as(outcome).isEmpty();
        assertThat(receiver.received()).hasSize(2);
        assertThat(callbacksOf(id).findValuesAsText("attempts")).containsOnly("1");
    }

    @Test
    void aReceiverDownForAnHourGetsEveryCallbackOnceItIsBack() throws Exception {
        receiver.answer(503);
        String id = stack.render(Environment.STAGE, IMAGE_EDIT.formatted(receiver.url())).render().path("id").asText();
        // the first attempt at once, the second 5 s later: both refused; the third is due 5 minutes later
        awaitCallbacks(received -> attemptsPerId(received).values().stream().allMatch(count -> count >= 2)
                && attemptsPerId(received).size() == 2);
        assertThat(callbacksOf(id).findValuesAsText("state")).containsOnly("pending");

        receiver.answer(200);
        stack.stack().clock().advance(Duration.ofHours(1));

        awaitDeliveries(id, states -> states.stream().allMatch("delivered"::equals));
        List<WebhookReceiver.Received> accepted = receiver.received().stream()
                .filter(callback -> callback.answered() == 200).toList();
        assertThat(accepted).hasSize(2).allSatisfy(callback -> assertThat(callback.verified()).isTrue());
        assertThat(accepted.stream().map(WebhookReceiver.Received::webhookId).distinct()).hasSize(2);
        assertThat(receiver.received().stream().map(WebhookReceiver.Received::webhookId).distinct())
                .as("retries carry the same webhook-id").hasSize(2);
        assertThat(callbacksOf(id).findValuesAsText("attempts")).containsOnly("3");
    }

    @Test
    void aReceiverThatFailsForeverHasItsCallbacksDeadLetteredAfterTheLastAttemptAndNothingIsLost() throws Exception {
        receiver.answer(500);
        String id = stack.render(Environment.STAGE, IMAGE_EDIT.formatted(receiver.url())).render().path("id").asText();
        awaitCallbacks(received -> attemptsPerId(received).size() == 2);

        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!callbacksOf(id).findValuesAsText("state").stream().allMatch("dead_lettered"::equals)) {
            assertThat(Instant.now()).as("dead-lettered in time: %s", callbacksOf(id)).isBefore(deadline);
            stack.stack().clock().advance(Duration.ofHours(11));
            stack.stack().awaitAsyncInvocations(Duration.ofSeconds(20));
            RenderTestStack.sleep(Duration.ofMillis(500));
        }

        JsonNode deliveries = callbacksOf(id);
        assertThat(deliveries.findValuesAsText("attempts")).containsOnly("11");
        assertThat(deliveries.findValuesAsText("lastStatus")).containsOnly("500");
        Map<String, Long> attempts = attemptsPerId(receiver.received());
        assertThat(attempts).hasSize(2).allSatisfy((webhookId, count) -> assertThat(count).isEqualTo(11));
        assertThat(deadLettered()).as("a copy of each in the dead-letter queue").containsAll(attempts.keySet());
    }

    @Test
    void duringASecretRotationCallbacksCarryASignatureByEachSecret() {
        WebhookSecret old = WebhookSecret.parse(stack.stack().descriptor().webhookSecret()).orElseThrow();
        DynamoDbWebhookSecrets secrets = new DynamoDbWebhookSecrets(stack.stack().services().dynamoDb(),
                stack.stack().tableName("AccountsTable"), new SecureRandom());
        WebhookSecret rotated = new RotateWebhookSecret(secrets, stack.stack().clock(), new SecureRandom())
                .rotate(new RotateWebhookSecretCommand(stack.owner())).current();
        try {
            stack.render(Environment.STAGE, IMAGE_EDIT.formatted(receiver.url()));
            WebhookReceiver.Received callback = awaitCallbacks(received -> received.size() == 2).getFirst();

            assertThat(callback.headers().get("webhook-signature").split(" ")).hasSize(2)
                    .allSatisfy(signature -> assertThat(signature).startsWith("v1,"));
            assertThat(callback.verified()).as("a receiver that still has the old secret").isTrue();
            WebhookVerifier verifier = new WebhookVerifier(stack.stack().clock());
            assertThat(verifier.verify(callback.headers(), callback.body(), List.of(rotated)))
                    .as("a receiver that has the new secret").isInstanceOf(WebhookVerifier.Verification.Verified.class);
        } finally {
            // the other tests' receivers know the first secret only: make it current again
            secrets.rotate(stack.owner(), old, stack.stack().clock().instant());
        }
    }

    private List<WebhookReceiver.Received> awaitCallbacks(Predicate<List<WebhookReceiver.Received>> done) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!done.test(receiver.received())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("callbacks received: " + receiver.received() + "; the stack's last words: "
                        + stack.lastLogLines(30));
            }
            RenderTestStack.sleep(Duration.ofMillis(100));
        }
        return receiver.received();
    }

    private void awaitDeliveries(String renderId, Predicate<List<String>> done) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!done.test(callbacksOf(renderId).findValuesAsText("state"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("callbacks of " + renderId + ": " + callbacksOf(renderId)
                        + "; the stack's last words: " + stack.lastLogLines(30));
            }
            RenderTestStack.sleep(Duration.ofMillis(100));
        }
    }

    private static Map<String, Long> attemptsPerId(List<WebhookReceiver.Received> received) {
        return received.stream().collect(Collectors.groupingBy(WebhookReceiver.Received::webhookId,
                Collectors.counting()));
    }

    /** The render's callbacks as its owner reads them: {@code GET /edit/stage/render/{id}/callbacks}. */
    private static JsonNode callbacksOf(String renderId) {
        ApiResponse response = stack.api().get("/edit/stage/render/" + renderId + "/callbacks",
                stack.key(Environment.STAGE));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body().path("response").path("callbacks");
    }

    private static Set<String> cdnUrls(String renderId) {
        ApiResponse response = stack.api().get("/serve/stage/assets/render/" + renderId, stack.key(Environment.STAGE));
        return Set.copyOf(response.body().path("data").findValuesAsText("url"));
    }

    /** A MODIFY of the render to done, as the renders table's stream carries it, again. */
    private static DynamodbEvent renderEnded(String renderId) {
        String table = stack.stack().tableName("RendersTable");
        String json = """
                {"Records": [{"eventID": "repeat-1", "eventName": "MODIFY", "eventVersion": "1.1",
                  "eventSource": "aws:dynamodb", "awsRegion": "us-east-1",
                  "eventSourceARN": "arn:aws:dynamodb:us-east-1:000000000000:table/%s/stream/2026-11-22T00:00:00.000",
                  "dynamodb": {"Keys": {"owner": {"S": "%s"}, "id": {"S": "%s"}},
                    "NewImage": {"owner": {"S": "%s"}, "id": {"S": "%s"}, "status": {"S": "done"}},
                    "SequenceNumber": "1", "SizeBytes": 100, "StreamViewType": "NEW_IMAGE"}}]}
                """.formatted(table, stack.owner(), renderId, stack.owner(), renderId);
        return LambdaJson.fromJson(json, DynamodbEvent.class);
    }

    private static List<String> deadLettered() {
        Map<String, String> environment = stack.stack().function("SendCallbacksFunction").definition().environment();
        try (SqsClient sqs = SdkClients.configure(SqsClient.builder(), new FunctionEnvironment(Map.of("AWS_REGION",
                "us-east-1", "AWS_ENDPOINT_URL_SQS", stack.stack().services().endpoints().sqs().toString()),
                Clock.systemUTC()), "SQS").build()) {
            return sqs.receiveMessage(receive -> receive.queueUrl(environment.get("CALLBACKS_DEAD_LETTER_QUEUE_URL"))
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages().stream().map(Message::body).toList();
        }
    }
}
