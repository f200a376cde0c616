package dev.reelforge.local.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.services.LocalService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * AWS Secrets Manager's JSON protocol on a loopback port, for the unmodified SDK {@code SecretsManagerClient}
 * (endpoint overridden): {@code POST /} with {@code X-Amz-Target: secretsmanager.GetSecretValue} (by name, full ARN
 * or ARN without its random suffix) and {@code secretsmanager.CreateSecret}; secrets have one version, current.
 * Errors are Secrets Manager's: 400 with {@code {"__type": "ResourceNotFoundException", "message": ...}}. Secrets live
 * in memory: the embedded stack puts the ones it needs at every start.
 */
public final class SecretsManagerEmulator implements LocalService {

    private static final String TARGET_PREFIX = "secretsmanager.";
    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private record Secret(String arn, String name, String versionId, String value, Instant created) {}

    private record Response(int status, JsonNode body) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final String region;
    private final String accountId;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Secret> byName = new ConcurrentHashMap<>();

    private SecretsManagerEmulator(HttpServer server, ExecutorService executor, String region, String accountId,
            Clock clock) {
        this.server = server;
        this.executor = executor;
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    public static SecretsManagerEmulator start(String accountId, String region, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            SecretsManagerEmulator emulator = new SecretsManagerEmulator(server, executor, region, accountId, clock);
            server.createContext("/", emulator::handle);
            server.setExecutor(executor);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("the Secrets Manager emulator cannot start", e);
        }
    }

    /** Creates the secret, or gives it a new current value; returns its ARN. */
    public String put(String name, String value) {
        return byName.compute(name, (key, existing) -> new Secret(
                existing == null ? arnOf(name) : existing.arn(), name, UUID.randomUUID().toString(), value,
                existing == null ? clock.instant() : existing.created())).arn();
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = respond(exchange);
            } catch (RuntimeException e) {
                System.err.println("[secretsmanager] " + exchange.getRequestURI() + " failed: " + e);
                response = error(500, "InternalServiceError", "The local Secrets Manager failed: " + e);
            }
            byte[] body = Json.MAPPER.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            if (response.body().has("__type")) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", response.body().get("__type").asText());
            }
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Response respond(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
        if (!exchange.getRequestMethod().equalsIgnoreCase("POST") || !target.startsWith(TARGET_PREFIX)) {
            return error(400, "UnknownOperationException", "Send POST / with X-Amz-Target: secretsmanager.<Operation>");
        }
        JsonNode request;
        try {
            request = body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return error(400, "SerializationException", "The request body is not JSON");
        }
        return switch (target.substring(TARGET_PREFIX.length())) {
            case "GetSecretValue" -> getSecretValue(request);
            case "CreateSecret" -> createSecret(request);
            default -> error(400, "UnknownOperationException", target + " is not an operation of the local Secrets"
                    + " Manager (it serves GetSecretValue and CreateSecret)");
        };
    }

    private Response getSecretValue(JsonNode request) {
        String id = request.path("SecretId").asText("");
        Optional<Secret> secret = byName.values().stream()
                .filter(candidate -> candidate.name().equals(id) || candidate.arn().equals(id)
                        || candidate.arn().substring(0, candidate.arn().length() - 7).equals(id))
                .findFirst();
        if (secret.isEmpty()) {
            return error(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
        ObjectNode answer = Json.object()
                .put("ARN", secret.get().arn())
                .put("Name", secret.get().name())
                .put("VersionId", secret.get().versionId())
                .put("SecretString", secret.get().value())
                .put("CreatedDate", secret.get().created().toEpochMilli() / 1000.0);
        answer.putArray("VersionStages").add("AWSCURRENT");
        return new Response(200, answer);
    }

    private Response createSecret(JsonNode request) {
        String name = request.path("Name").asText("");
        if (name.isEmpty() || !request.hasNonNull("SecretString")) {
            return error(400, "InvalidParameterException", "CreateSecret takes a Name and a SecretString here.");
        }
        if (byName.containsKey(name)) {
            return error(400, "ResourceExistsException", "The operation failed because the secret " + name
                    + " already exists.");
        }
        put(name, request.get("SecretString").asText());
        Secret secret = byName.get(name);
        return new Response(200, Json.object().put("ARN", secret.arn()).put("Name", name)
                .put("VersionId", secret.versionId()));
    }

    private String arnOf(String name) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:" + name + "-" + suffix;
    }

    private static Response error(int status, String type, String message) {
        return new Response(status, Json.object().put("__type", type).put("message", message));
    }
}
