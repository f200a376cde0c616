package dev.reelforge.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.Environment;
import dev.reelforge.local.LocalClients;
import dev.reelforge.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Warm latency through the embedded stack's API (HTTP, API Gateway emulator, authorizer, function,
 * DynamoDB Local) against the bare DynamoDB Local call the function makes, all in one run:
 * {@code POST /edit/stage/render} vs PutItem of a stored render's item, and
 * {@code GET /edit/stage/render/{id}} vs a consistent GetItem of one.
 */
final class WarmLatencyBenchmark {

    /** Requests per operation in one block; the four operations take turns block by block. */
    static final int BLOCK = 50;

    record Result(Latencies submit, Latencies putItem, Latencies status, Latencies getItem, Latencies floor,
            int editJsonBytes,
            int storedEditBytes, int storedItemBytes) {}

    private interface Operation {
        void once() throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private WarmLatencyBenchmark() {}

    static Result run(Path template, Path dataDirectory, String editJson, int warmup, int requests)
            throws Exception {
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(template, dataDirectory, 0, line -> {}))) {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            URI api = stack.descriptor().apiUrl();
            String apiKey = stack.descriptor().apiKey(Environment.STAGE);
            String owner = stack.descriptor().owner();
            String table = stack.tableName("RendersTable");
            DynamoDbClient dynamoDb = LocalClients.dynamoDb(stack.services().endpoints().dynamoDb());
            try (http; dynamoDb) {
                HttpRequest submitRequest = HttpRequest.newBuilder(api.resolve("/edit/stage/render"))
                        .timeout(Duration.ofSeconds(30))
                        .header("x-api-key", apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(editJson))
                        .build();

                // One render to read back, and its stored item as the model for the bare PutItems.
                HttpResponse<String> created = http.send(submitRequest, HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("POST /edit/stage/render answered " + created.statusCode()
                            + ": " + created.body());
                }
                String renderId = renderId(created.body());
                HttpRequest statusRequest = HttpRequest.newBuilder(api.resolve("/edit/stage/render/" + renderId))
                        .timeout(Duration.ofSeconds(30))
                        .header("x-api-key", apiKey)
                        .GET()
                        .build();
                GetItemRequest getItem = GetItemRequest.builder()
                        .tableName(table)
                        .key(Map.of("owner", AttributeValue.fromS(owner), "id", AttributeValue.fromS(renderId)))
                        .consistentRead(true)
                        .build();
                GetItemResponse stored = dynamoDb.getItem(getItem);
                if (!stored.hasItem() || stored.item().isEmpty()) {
                    throw new IllegalStateException("render " + renderId + " is not in " + table);
                }
                Map<String, AttributeValue> model = stored.item();

                Operation submit = () -> expect(http.send(submitRequest, HttpResponse.BodyHandlers.ofString()), 201);
                Operation status = () -> expect(http.send(statusRequest, HttpResponse.BodyHandlers.ofString()), 200);
                Operation get = () -> {
                    if (!dynamoDb.getItem(getItem).hasItem()) {
                        throw new IllegalStateException("GetItem found nothing");
                    }
                };
                // The function's own PutItem: a new id, fresh timestamps, and the same condition it sends.
                Operation put = () -> {
                    Map<String, AttributeValue> item = new HashMap<>(model);
                    String now = Instant.now().toString();
                    item.put("id", AttributeValue.fromS(UUID.randomUUID().toString()));
                    item.put("created", AttributeValue.fromS(now));
                    item.put("updated", AttributeValue.fromS(now));
                    dynamoDb.putItem(PutItemRequest.builder()
                            .tableName(table)
                            .item(item)
                            .conditionExpression("attribute_not_exists(#id)")
                            .expressionAttributeNames(Map.of("#id", "id"))
                            .build());
                };
                // For reference, not a target: an unknown route, which the emulator answers itself (404) without
                // an authorizer, a function or DynamoDB: the HTTP client and server's own share of the latency.
                HttpRequest floorRequest = HttpRequest.newBuilder(api.resolve("/bench/no-such-route"))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build();
                Operation floor = () -> expect(http.send(floorRequest, HttpResponse.BodyHandlers.ofString()), 404);
                Operation[] operations = {submit, put, status, get, floor};

                measure(operations, warmup, "warm-up");
                long[][] measured = measure(operations, requests, "measured");
                return new Result(Latencies.of(measured[0]), Latencies.of(measured[1]), Latencies.of(measured[2]),
                        Latencies.of(measured[3]), Latencies.of(measured[4]), editJson.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                        model.get("edit").b().asByteArrayUnsafe().length, itemSize(model));
            }
        }
    }

    /**
     * Runs each operation {@code count} times, in blocks of {@link #BLOCK}: a block of each operation in
     * turn, the first operation of the turn rotating, so that a shared, noisy machine slows all alike.
     */
    private static long[][] measure(Operation[] operations, int count, String what) throws Exception {
        long[][] nanos = new long[operations.length][count];
        int done = 0;
        int turn = 0;
        while (done < count) {
            int size = Math.min(BLOCK, count - done);
            for (int k = 0; k < operations.length; k++) {
                int index = (turn + k) % operations.length;
                Operation operation = operations[index];
                for (int i = 0; i < size; i++) {
                    long started = System.nanoTime();
                    operation.once();
                    nanos[index][done + i] = System.nanoTime() - started;
                }
            }
            done += size;
            turn++;
        }
        System.err.printf("bench: warm latency, %s: %d requests of each of %d operations done%n", what, count,
                operations.length);
        return nanos;
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ", expected " + status + ": " + response.body());
        }
    }

    private static String renderId(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            String id = json.path("response").path("id").asText("");
            if (id.isEmpty()) {
                throw new IllegalStateException("no response.id in " + body);
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DynamoDB's item size: attribute names plus values (strings as UTF-8, binaries as bytes). */
    private static int itemSize(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += attribute.getKey().length();
            AttributeValue value = attribute.getValue();
            if (value.s() != null) {
                size += value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            } else if (value.b() != null) {
                size += value.b().asByteArrayUnsafe().length;
            }
        }
        return size;
    }
}
