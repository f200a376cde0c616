package dev.reelforge.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.Environment;
import dev.reelforge.local.LocalClients;
import dev.reelforge.local.LocalStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
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
 *
 * <p>Both sides send through {@link HttpURLConnection} with keep-alive, the client technology of the baseline's
 * {@code UrlConnectionHttpClient}: one blocking call on the caller's thread. The JDK's {@code java.net.http}
 * client, which this bench used before, passes each exchange between the caller, its selector thread and its
 * executor, and that client-side cost (half the 404 floor) was counted against the API alone.
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
            URI api = stack.descriptor().apiUrl();
            String apiKey = stack.descriptor().apiKey(Environment.STAGE);
            String owner = stack.descriptor().owner();
            String table = stack.tableName("RendersTable");
            DynamoDbClient dynamoDb = LocalClients.dynamoDb(stack.services().endpoints().dynamoDb());
            try (dynamoDb) {
                URI submitUri = api.resolve("/edit/stage/render");
                byte[] edit = editJson.getBytes(StandardCharsets.UTF_8);

                // One render to read back, and its stored item as the model for the bare PutItems.
                String renderId = renderId(send(submitUri, apiKey, edit, 201));
                URI statusUri = api.resolve("/edit/stage/render/" + renderId);
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

                Operation submit = () -> send(submitUri, apiKey, edit, 201);
                Operation status = () -> send(statusUri, apiKey, null, 200);
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
                URI floorUri = api.resolve("/bench/no-such-route");
                Operation floor = () -> send(floorUri, null, null, 404);
                Operation[] operations = {submit, put, status, get, floor};

                measure(operations, warmup, "warm-up");
                long[][] measured = measure(operations, requests, "measured");
                return new Result(Latencies.of(measured[0]), Latencies.of(measured[1]), Latencies.of(measured[2]),
                        Latencies.of(measured[3]), Latencies.of(measured[4]), edit.length,
                        model.get("edit").b().asByteArrayUnsafe().length, itemSize(model));
            }
        }
    }

    /**
     * Runs each operation {@code count} times, in blocks of {@link #BLOCK}, the blocks in the order of
     * {@link #pairCircuit}: each operation's block comes right after each other operation's block equally often. A
     * block leaves work behind it (the renders a submit starts, the stream records a write makes), and the block
     * after it runs beside that work; so every operation must follow every other alike, or one of them is measured
     * on a busier machine. (A fixed order rotated turn by turn, as this bench had before, keeps its neighbours: the
     * status read always came right after a block of writes, and the bare GetItem mostly after the status read.)
     */
    private static long[][] measure(Operation[] operations, int count, String what) throws Exception {
        long[][] nanos = new long[operations.length][count];
        int[] done = new int[operations.length];
        int[] circuit = pairCircuit(operations.length);
        int remaining = operations.length * count;
        for (int step = 0; remaining > 0; step++) {
            int index = circuit[step % circuit.length];
            int size = Math.min(BLOCK, count - done[index]);
            for (int i = 0; i < size; i++) {
                long started = System.nanoTime();
                operations[index].once();
                nanos[index][done[index] + i] = System.nanoTime() - started;
            }
            done[index] += size;
            remaining -= size;
        }
        System.err.printf("bench: warm latency, %s: %d requests of each of %d operations done%n", what, count,
                operations.length);
        return nanos;
    }

    /**
     * A cyclic order of {@code n} operations in which every ordered pair of two different ones stands side by side
     * exactly once, the last entry followed by the first: an Eulerian circuit of the complete directed graph
     * (Hierholzer's algorithm), {@code n * (n - 1)} entries long, each operation {@code n - 1} times.
     */
    static int[] pairCircuit(int n) {
        if (n < 2) {
            return new int[n];
        }
        List<Deque<Integer>> unused = new ArrayList<>();
        for (int from = 0; from < n; from++) {
            Deque<Integer> targets = new ArrayDeque<>();
            for (int to = 0; to < n; to++) {
                if (to != from) {
                    targets.add(to);
                }
            }
            unused.add(targets);
        }
        Deque<Integer> path = new ArrayDeque<>(List.of(0));
        Deque<Integer> circuit = new ArrayDeque<>();
        while (!path.isEmpty()) {
            Deque<Integer> next = unused.get(path.peek());
            if (next.isEmpty()) {
                circuit.push(path.pop());
            } else {
                path.push(next.poll());
            }
        }
        circuit.removeLast(); // the walk's return to where it started
        return circuit.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A GET, or a POST of {@code body} when there is one, with the API key when there is one; returns the
     * answer's body, read in full so that the connection goes back to the keep-alive cache.
     */
    private static String send(URI uri, String apiKey, byte[] body, int expected) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        if (apiKey != null) {
            connection.setRequestProperty("x-api-key", apiKey);
        }
        if (body != null) {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        String answer;
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (status != expected) {
            throw new IllegalStateException((body == null ? "GET " : "POST ") + uri.getPath() + " answered " + status
                    + ", expected " + expected + ": " + answer);
        }
        return answer;
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
                size += value.s().getBytes(StandardCharsets.UTF_8).length;
            } else if (value.b() != null) {
                size += value.b().asByteArrayUnsafe().length;
            }
        }
        return size;
    }
}
